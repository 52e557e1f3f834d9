import { describe, expect, it } from 'vitest';
import { BLOCKING_CAP, mergeCandidates } from '../../src/pipeline/merge.ts';
import type { EventCandidate } from '../../src/pipeline/types.ts';

let index = 0;
function candidate(article: string, date: string, text: string): EventCandidate {
  const granularity = /W/.test(date) ? 'week' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  return {
    article,
    outlet: article,
    published: '2025-05-15',
    date,
    granularity,
    dating: 'own',
    background: false,
    sentence: { id: `s-${index}`, text, position: { line: 1, column: 1 }, block: 0, kind: 'paragraph', entry: 0, index: index++ },
  };
}

describe('mergeCandidates', () => {
  const decorative = [
    candidate('reuters', '2025-05-15', 'Mr Zelenskiy said Mr Putin’s decision not to attend but to send what he called a “decorative” line-up showed the Russian leader was not serious about ending the war.'),
    candidate('cbc', '2025-05-15', 'Zelenskyy told reporters that the level of the Russian delegation dispatched to Turkey for talks was “decorative.”'),
    candidate('times', '2025-05-15', 'President Zelensky has described the Russian delegation of low-level officials, due to meet Ukrainian officials in Istanbul for peace talk, as “decorative”.'),
  ];
  const others = [
    candidate('times', '2025-05-15', 'Three civilians were killed and six injured in Russian strikes on the Sumy region of Ukraine in the 24 hours ahead of peace talks in Istanbul.'),
    candidate('cbc', '2025-05-15', 'Estonia said a Russian fighter jet had “violated NATO territory” as the Estonian navy tried to detain a Russia-bound oil tanker.'),
  ];

  it('merges the same happening reported by several outlets into one cluster', () => {
    const clusters = mergeCandidates([...decorative, ...others]);
    const merged = clusters.find((c) => c.members.length === 3);
    expect(merged?.members.map((m) => m.article).sort()).toEqual(['cbc', 'reuters', 'times']);
    expect(clusters).toHaveLength(3);
  });

  it('finds no neighbours through words in more than BLOCKING_CAP candidates of a day, wire copies counted', () => {
    // Two reports that share only two words, both on every wire copy of another report that day. Each has a
    // word of its own, common in the archive but on another day: alike, yet not near copies.
    const copies = Array.from({ length: BLOCKING_CAP - 1 }, (_, i) => candidate(`wire-${i}`, '2025-05-15', 'Ceasefire monitors near Odesa harbour.'));
    const archive = Array.from({ length: 100 }, (_, i) => candidate(`archive-${i}`, '2025-04-01', 'Crowds gathered, then departed.'));
    const a = candidate('reuters', '2025-05-15', 'Ceasefire monitors gathered.');
    const b = candidate('cbc', '2025-05-15', 'Ceasefire monitors departed.');
    const together = (clusters: ReturnType<typeof mergeCandidates>) => clusters.some((c) => c.members.includes(a) && c.members.includes(b));
    expect(together(mergeCandidates([...copies, ...archive, a, b]))).toBe(false);
    // BLOCKING_CAP + 1 candidates hold the words above; with one copy fewer they are at the cap, and the two reports, alike, merge.
    expect(together(mergeCandidates([...copies.slice(1), ...archive, a, b]))).toBe(true);
  });

  it('joins near copies of one date however many there are, even past BLOCKING_CAP', () => {
    // A background line that hundreds of articles repeat, each with a word of its own (which no other candidate uses).
    const code = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + Math.floor(i / 676));
    const line = (i: number, date = '2022-02') =>
      candidate(`outlet-${i % many}`, date, `Russia launched its full-scale invasion of Ukraine in February 2022, ref ${code(i)}.`);
    const many = BLOCKING_CAP * 2;
    const invasion = Array.from({ length: many }, (_, i) => line(i));
    const sanctions = Array.from({ length: many }, (_, i) =>
      candidate(`outlet-${i}`, '2022-02', `Western governments answered with sweeping sanctions on Moscow's banks, ref ${code(many + i)}.`),
    );
    const later = Array.from({ length: 3 }, (_, i) => line(2 * many + i, '2022-03'));
    const clusters = mergeCandidates([...invasion, ...sanctions, ...later]);
    const sizes = (date: string) => clusters.filter((c) => c.date === date).map((c) => c.members.length).sort((x, y) => x - y);
    // Two happenings of one month, each one event citing every article; the copies of another month stay apart from them.
    expect(sizes('2022-02')).toEqual([many, many]);
    expect(sizes('2022-03')).toEqual([3]);
    expect(clusters.find((c) => c.members.includes(invasion[0]!))!.members).not.toContain(sanctions[0]);
    // Whatever order they come in.
    const ids = (list: EventCandidate[]) => mergeCandidates(list).map((c) => c.members.map((m) => m.sentence.id).join('+'));
    expect(ids([...later, ...sanctions, ...invasion].reverse())).toEqual(ids([...invasion, ...sanctions, ...later]));
  });

  it('never merges across dates that do not overlap', () => {
    const a = candidate('reuters', '2025-05-14', 'The Kremlin named a lower-level delegation headed by Vladimir Medinsky.');
    const b = candidate('cbc', '2025-05-16', 'The Kremlin named a lower-level delegation headed by Vladimir Medinsky.');
    expect(mergeCandidates([a, b])).toHaveLength(2);
  });

  it('lets a week-level report join the day it contains, keeping the finer date', () => {
    const day = candidate('cnbc', '2025-05-11', 'Putin had signaled that he was willing to hold direct negotiations with Ukraine in Istanbul.');
    const week = candidate('cbc', '2025-W19', 'Putin proposed direct negotiations with Ukraine in Istanbul.');
    const clusters = mergeCandidates([week, day]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.date).toBe('2025-05-11');
  });

  it('cites at most one sentence per article in an event', () => {
    const a = candidate('times', '2025-05-15', 'President Zelensky will meet President Erdogan in Ankara.');
    const b = candidate('times', '2025-05-15', 'President Zelensky will meet President Erdogan in Ankara today.');
    expect(mergeCandidates([a, b])).toHaveLength(2);
  });

  it('keeps one sentence per article when groups join', () => {
    // Wire copies from three outlets, and a second copy in one of them: it cannot join the group that holds its article.
    const text = 'President Zelensky will meet President Erdogan in Ankara.';
    const copies = [candidate('times', '2025-05-15', text), candidate('reuters', '2025-05-15', text), candidate('cbc', '2025-05-15', text)];
    const again = candidate('times', '2025-05-15', text);
    for (const list of [[...copies, again], [again, ...copies], [copies[0]!, again, copies[1]!, copies[2]!]]) {
      const clusters = mergeCandidates(list);
      expect(clusters.map((c) => c.members.map((m) => m.article).sort().join(' ')).sort()).toEqual(['cbc reuters times', 'times']);
    }
  });

  it('is deterministic whatever the input order', () => {
    const all = [...decorative, ...others];
    const ids = (list: EventCandidate[]) => mergeCandidates(list).map((c) => c.members.map((m) => m.sentence.id).join('+'));
    expect(ids([...all].reverse())).toEqual(ids(all));
  });
});

describe('mergeCandidates: a paragraph that goes on', () => {
  const list = () =>
    candidate(
      'independent',
      '2025-05-13',
      'Then on Tuesday evening the ministry released its official roster: envoy Anna Berg; trade official Piet Kramer, who led the 2019 round; and general Ole Strand, head of the signals corps of the northern army.',
    );
  const other = () =>
    candidate('cnbc', '2025-05-13', 'The minister’s name was notably missing when the ministry confirmed on Tuesday evening who it would be sending to Geneva.');

  // Reports of other days: they only give the words their weights, as a real archive would.
  const archive = () =>
    [
      'The envoy Anna Berg met trade officials in Geneva on the roster of the next round.',
      'Piet Kramer, the trade official, said the 2019 round had failed.',
      'General Ole Strand inspected the signals corps of the northern army.',
      'The ministry named a new head of the northern army and released the budget.',
      'The minister was sending aid to Geneva, the ministry confirmed.',
      'The minister’s deputy said the list was not final.',
    ].map((text) => candidate('archive', '2025-04-01', text));
  const ofTheDay = (clusters: ReturnType<typeof mergeCandidates>) => clusters.filter((c) => c.date === '2025-05-13');

  it('matches a dated sentence by the undated one after it in its paragraph, and still cites the dated one', () => {
    expect(ofTheDay(mergeCandidates([list(), other(), ...archive()])), 'the list alone shares too few words').toHaveLength(2);
    const withContinuation = { ...list(), continuation: 'The minister’s name was missing.' };
    const clusters = ofTheDay(mergeCandidates([withContinuation, other(), ...archive()]));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.members.map((m) => m.sentence.text)).toContain(withContinuation.sentence.text);
  });

  it('never matches two continuations with each other', () => {
    const boilerplate = 'The ministry did not immediately respond to a request for comment.';
    const strike = { ...candidate('reuters', '2025-05-13', 'On Tuesday drones struck an oil refinery near the port of Tuapse.'), continuation: boilerplate };
    const expelled = { ...candidate('cnbc', '2025-05-13', 'Two diplomats were expelled from Tallinn on Tuesday over spying charges.'), continuation: boilerplate };
    expect(ofTheDay(mergeCandidates([strike, expelled, ...archive()]))).toHaveLength(2);
  });

  it('does not let a continuation join reports of another day', () => {
    const withContinuation = { ...list(), continuation: 'The minister’s name was missing.' };
    const elsewhere = { ...other(), date: '2025-05-15' };
    expect(mergeCandidates([withContinuation, elsewhere, ...archive()]).filter((c) => c.date !== '2025-04-01')).toHaveLength(2);
  });
});
