/**
 * A short headline from a sentence's main clause: what a sub-editor would
 * write above it. Leading connectives and subordinate clauses go, the date
 * words go (the timeline shows the date), quotes led by the speaker become
 * `Speaker: “quote”`, and anything longer than MAX_TITLE is cut at a clause
 * or word boundary, never mid-word.
 */

export const MAX_TITLE = 80;

const CONNECTIVE = /^(?:but|and|yet|so|meanwhile|however|still|instead|then|now|also|indeed|nonetheless|in fact|in truth|at least|even so)\b,?\s+/i;

/** Leading subordinate clause, dropped when a main clause follows the comma. */
const SUBORDINATE =
  /^(?:after|before|while|when|as|although|though|despite|with|without|asked|speaking|responding|referring|highlighting|amid|following|once|since|if|in the wake of|on the sidelines of|around|among)\b[^,]{3,160},\s+/i;

const SPEECH_AFTER_QUOTE =
  /^[“"‘']([^”"’']{8,}?)[,.!?]?[”"’'],?\s+(?:(?:he|she|they)\s+(?:said|told|added|wrote)|([^,]{2,60}?)\s+(?:said|says|told|added|wrote|responded|continued|insisted)(?:\s+reporters)?)\b/;

function cleanDates(text: string, dates: string[]): string {
  let out = text;
  for (const phrase of dates) {
    if (!phrase) continue;
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Drop the phrase with its preposition ("late on Wednesday", "on Thursday", "in March 2022").
    out = out.replace(new RegExp(`\\s*(?:,\\s*)?\\b(?:on|in|at|by|during|from|late on|early on)?\\s*${escaped}\\b(?:\\s*,)?`, 'i'), ' ');
  }
  return out.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:])/g, '$1').trim();
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
    head.search(/\s(?:while|as|but|and|after|because|which|who|when|that)\s(?![\s\S]*\s(?:while|as|but|and|after|because|which|who|when|that)\s)/),
  );
  if (clause >= max * 0.45) return head.slice(0, clause).replace(/[,;:\s]+$/, '');
  const word = head.lastIndexOf(' ');
  return head.slice(0, word > 0 ? word : max).replace(/[,;:\s]+$/, '') + '…';
}

function capitalise(text: string): string {
  return text.replace(/^([“"‘']?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}

/** Headline for an event from its lead sentence and the time expressions in it. */
export function makeTitle(sentence: string, datePhrases: string[] = []): string {
  let text = sentence.trim().replace(/\s+/g, ' ');
  const quote = SPEECH_AFTER_QUOTE.exec(text);
  if (quote) {
    const speaker = (quote[2] ?? '').replace(/^(?:mr|mrs|ms|dr)\.?\s+/i, '').trim();
    const words = shorten(quote[1]!.trim(), MAX_TITLE - speaker.length - 4);
    if (speaker && !/^(?:he|she|they|it)$/i.test(speaker)) return capitalise(`${speaker}: “${words}”`);
    return capitalise(`“${words}”`);
  }
  text = cleanDates(text, datePhrases);
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text.replace(CONNECTIVE, '');
    const sub = SUBORDINATE.exec(text);
    if (sub && text.length - sub[0].length > 30) text = text.slice(sub[0].length);
    if (text === before) break;
  }
  text = text.replace(/[.!?…]+["”’']?$/, (m) => (/[”"’']$/.test(m) ? m.replace(/^[.!?…]+/, '') : '')).trim();
  return capitalise(shorten(text));
}
