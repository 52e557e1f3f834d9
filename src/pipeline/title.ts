/**
 * A short headline from a sentence's main clause: what a sub-editor would
 * write above it. Leading connectives and subordinate clauses go, the date
 * words go (the timeline shows the date), quotes led by the speaker become
 * `Speaker: “quote”`, and anything longer than MAX_TITLE is cut at a clause
 * or word boundary, never mid-word.
 */

export const MAX_TITLE = 80;

const CONNECTIVE = /^(?:but|and|yet|so(?! far)|meanwhile|however|still|instead|then|now|also|indeed|nonetheless|in fact|in truth|at least|even so)\b,?\s+/i;

/** Leading subordinate clause, dropped when a main clause follows the comma. */
const SUBORDINATE =
  /^(?:\p{L}+ly\s+)?(?:after|before|while|when|as|although|though|despite|with|without|asked|speaking|responding|referring|highlighting|amid|following|once|since|if|in the wake of|on the sidelines of|around|among|in|at|on|from|under|over|across|inside|outside|during|by|for|to|according to|\p{L}+ing)\b[^,]{3,160},\s+/iu;

const SPEECH_AFTER_QUOTE =
  /^(?:“([^”]{8,}?)|"([^"]{8,}?)|‘([^’]{8,}?(?:’\p{L}[^’]*?)*))[,.!?]?[”"’],?\s+(?:(?:he|she|they)\s+(?:said|told|added|wrote)|([^,“”"]{2,60}?)\s+(?:said|says|told|added|wrote|responded|continued|insisted)(?:\s+reporters)?)\b/u;

/** "Zelenskyy told reporters that …", "Mr Zelenskiy said …": the speaker and what they said. */
const SPEAKER_LEAD =
  /^((?:[\p{Lu}][\p{L}’'.-]*\s+){0,3}[\p{Lu}][\p{L}’'.-]*)\s+(?:said|says|told (?:reporters|journalists|[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)*)|wrote|added|insisted|warned|confirmed|announced)(?:,)?\s+(?:that\s+)?(?=\S)/u;

/** ", the Kremlin spokesman," — an appositive the headline can do without. */
const APPOSITIVE =
  /,\s+(?:(?:the|a|an|\p{Lu}\p{L}+[’']s)\s+(?![^,]*\b(?:said|says|told|had|has|have|was|were|is|are|will|would|did)\b)(?:[\p{L}’'-]+\s+){0,7}[\p{L}’'-]+|(?:\p{Lu}[\p{L}-]+\s+){0,2}\p{Lu}[\p{L}-]+(?=,\s+(?:said|says|told|added|wrote|confirmed|announced|insisted|warned))|(?:speaking|writing|responding|referring|citing|asked|travelling|traveling)\b[^,]{2,80}),\s+/gu;

/** Titles and honorifics before a name, which headlines drop. */
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?=\p{Lu})/gu;

function cleanDates(text: string, dates: string[]): string {
  let out = text;
  for (const phrase of dates) {
    // "today’s talks": a date used as an adjective stays, or the phrase loses its noun's sense.
    if (!phrase || /[’']s$/.test(phrase)) continue;
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Drop the phrase with its preposition ("late on Wednesday", "on Thursday", "in March 2022").
    out = out.replace(
      new RegExp(`\\s*(?:,\\s*)?\\b(?:on|in|at|by|during|from|for|late on|early on|at about|at around|about|around|until|till|to)?\\s*${escaped}(?![\\p{L}\\p{N}])`, 'iu'),
      ' ',
    );
  }
  return out
    .replace(/\bfrom\s+to\b/gi, '')
    .replace(/\s+(?:on|in|at|for|from|to|by|during|until|of)(?=\s*(?:[,.;:]|$))/gi, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/^[,;:\s]+/, '')
    .trim();
}

/** Cuts at the last clause boundary, else the last word boundary, before `max` characters. */
export function shorten(text: string, max = MAX_TITLE): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = Math.max(
    head.lastIndexOf(', '),
    head.lastIndexOf(' – '),
    head.lastIndexOf(' — '),
    head.lastIndexOf('; '),
    head.search(/\s(?:while|as|but|and|after|because|when)\s(?![\s\S]*\s(?:while|as|but|and|after|because|when)\s)/),
  );
  if (clause >= max * 0.45) return head.slice(0, clause).replace(/[,;:\s]+$/, '');
  const word = head.lastIndexOf(' ');
  // A headline does not end on "in", "the", "of" …
  const cut = head.slice(0, word > 0 ? word : max).replace(/(?:\s+(?:a|an|the|of|in|on|at|to|for|by|with|and|or|from|that))+$/i, '');
  return cut.replace(/[,;:\s]+$/, '') + '…';
}

function capitalise(text: string): string {
  return text.replace(/^([“"‘']?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Office titles before a name, which headlines drop ("US President Donald Trump" → "Trump"). */
const OFFICE =
  /\b(?:(?:US|U\.S\.|UK|Russian|Ukrainian|Turkish|French|Kremlin|Nato|NATO)\s+)?(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Secretary of State|secretary of state|president|presidential (?:adviser|aide)|leader|spokesman|spokeswoman)\s+(?=\p{Lu})/gu;

/** Headline style for people: surname only, no office, no "Russia’s" before the name. */
function shortenNames(text: string, people: string[]): string {
  let out = text.replace(OFFICE, '');
  for (const person of [...people].sort((a, b) => b.length - a.length)) {
    const parts = person.split(' ');
    const surname = parts[parts.length - 1]!;
    if (parts.length > 1) out = out.replace(new RegExp(`\\b${escape(person)}\\b`, 'gu'), surname);
    out = out.replace(new RegExp(`\\b\\p{Lu}\\p{L}+[‘’']s\\s+(?=${escape(surname)}\\b)`, 'gu'), '');
  }
  return out;
}

/**
 * Headline for an event from its lead sentence, the time expressions in it
 * (dropped: the timeline shows the date) and the people it names (cut to
 * surnames, headline style).
 */
export function makeTitle(sentence: string, datePhrases: string[] = [], people: string[] = []): string {
  let text = shortenNames(sentence.trim().replace(/\s+/g, ' '), people);
  const quote = SPEECH_AFTER_QUOTE.exec(text);
  if (quote) {
    const speaker = (quote[4] ?? '').replace(/^(?:mr|mrs|ms|dr)\.?\s+/i, '').trim();
    const said = (quote[1] ?? quote[2] ?? quote[3] ?? '').trim();
    const words = shorten(said, MAX_TITLE - speaker.length - 4);
    if (speaker && !/^(?:he|she|they|it)$/i.test(speaker)) return capitalise(`${speaker}: “${words}”`);
    return capitalise(`“${words}”`);
  }
  text = cleanDates(text, datePhrases)
    // "had, nonetheless, held" → "had held"; "was emphatic, however, giving" → "was emphatic, giving".
    .replace(/(\S*),\s+(?:however|nonetheless|meanwhile|though|instead|too|also|then|in turn|for (?:its|his|her|their) part),(?=\s)/gi, (_, word: string) =>
      /^(?:had|has|have|was|were|is|are|will|would|did|does|do)$/i.test(word) ? word : `${word},`,
    )
    .replace(APPOSITIVE, ' ')
    .replace(HONORIFIC, '');
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(CONNECTIVE, '');
    const sub = SUBORDINATE.exec(text);
    if (sub && text.length - sub[0].length > 30) text = text.slice(sub[0].length);
    if (text === before) break;
  }
  text = text.replace(/^[,;:\s–—-]+/, '');
  const lead = SPEAKER_LEAD.exec(text);
  if (lead && text.length > MAX_TITLE && !/^(?:he|she|they|it|i|we|you|this|that)$/i.test(lead[1]!)) text = `${lead[1]}: ${text.slice(lead[0].length)}`;
  text = text.replace(/[.!?…]+["”’']?$/, (m) => (/[”"’']$/.test(m) ? m.replace(/^[.!?…]+/, '') : '')).trim();
  return capitalise(shorten(text));
}
