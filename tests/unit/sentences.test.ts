import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/pipeline/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops followed by a capital', () => {
    expect(split('It was not clear on Wednesday when the talks would actually begin. Mr Zelenskiy said so.')).toEqual([
      'It was not clear on Wednesday when the talks would actually begin.',
      'Mr Zelenskiy said so.',
    ]);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(split('U.S. Secretary of State Marco Rubio spoke. Retired Dept. of National Defence official Andrew Rasiulis agreed.')).toHaveLength(2);
    expect(split('Mr. Zelenskiy met J. Smith in Ankara. Then he left.')).toEqual(['Mr. Zelenskiy met J. Smith in Ankara.', 'Then he left.']);
  });

  it('ends a sentence after a country abbreviation when a new sentence clearly starts', () => {
    expect(split('Rubio flew back to the U.S. The talks went on.')).toEqual(['Rubio flew back to the U.S.', 'The talks went on.']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(split('Zelenskyy said the delegation was “decorative.” Russia disagreed.')).toEqual([
      'Zelenskyy said the delegation was “decorative.”',
      'Russia disagreed.',
    ]);
  });

  it('keeps a quoted question with its speech tag', () => {
    expect(split('“Why would he go if I’m not going?” Trump responded, according to Sky News. He left.')).toEqual([
      '“Why would he go if I’m not going?” Trump responded, according to Sky News.',
      'He left.',
    ]);
  });

  it('does not split decimals, times or lower-case continuations', () => {
    expect(split('Prices rose 1.35 per cent at 9 a.m. on Friday. Trade resumed.')).toEqual([
      'Prices rose 1.35 per cent at 9 a.m. on Friday.',
      'Trade resumed.',
    ]);
  });

  it('returns no empty spans', () => {
    expect(split('   ')).toEqual([]);
    expect(split('One.  ')).toEqual(['One.']);
  });
});

describe('splitSentences and quotations', () => {
  it('keeps a multi-sentence quotation with its speech tag', () => {
    const text =
      '“I feel disrespect from Russia. No meeting time, no agenda, no high-level delegation – this is personal disrespect. To Erdogan, to Trump,” Mr Zelenskiy told reporters. He left.';
    expect(split(text)).toEqual([text.slice(0, text.indexOf(' He left.')), 'He left.']);
  });

  it('still splits after a closed quotation', () => {
    expect(split('He called it “decorative.” Russia disagreed. “We are ready.” Talks began.')).toEqual([
      'He called it “decorative.”',
      'Russia disagreed.',
      '“We are ready.”',
      'Talks began.',
    ]);
  });
});
