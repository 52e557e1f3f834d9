import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { filterCounts, filtersOf, pageFacts, pageGlobs, quarterOf, searchedPart, shardPlan, type IndexedPage } from '../../scripts/lib/shards.ts';

const page = (path: string, date: string, hash = 'h'): IndexedPage => ({
  path,
  kind: path.startsWith('articles/') ? 'article' : 'event',
  date,
  hash,
  filters: [],
});

describe('search index shards', () => {
  const pages = [
    page('articles/2025-05-15-a/index.html', '2025-05-15T09:00'),
    page('articles/2025-04-02-b/index.html', '2025-04-02'),
    page('articles/2025-03-30-c/index.html', '2025-03-30'),
    page('events/2025-05-14-x/index.html', '2025-05-14'),
    page('events/2014-y/index.html', '2014-01-01'),
    page('events/2022-03-z/index.html', '2022-03-01'),
    page('events/undated/index.html', ''),
  ];

  // One quarter a shard: how pages are grouped (shards sharing quarters are held to it below).
  const quarters = (list: IndexedPage[], salt?: string) => shardPlan(list, salt, 1);

  it('puts each page in its quarter, the newest article’s month apart, and everything before the first article in one shard, oldest first', () => {
    const plan = quarters(pages);
    expect(plan.map((s) => s.key)).toEqual(['earlier', '2025-Q1', '2025-Q2', '2025-05']);
    expect(plan[0]!.pages).toEqual(['events/2014-y/index.html', 'events/2022-03-z/index.html', 'events/undated/index.html']);
    expect(plan[2]!.pages).toEqual(['articles/2025-04-02-b/index.html']);
    expect(plan[3]!.pages).toEqual(['articles/2025-05-15-a/index.html', 'events/2025-05-14-x/index.html']);
    // An event dated after the newest article is in the newest shard, which stays the last.
    const later = quarters([...pages, page('events/2025-08-01-w/index.html', '2025-08-01')]);
    expect(later.map((s) => s.key)).toEqual(['earlier', '2025-Q1', '2025-Q2', '2025-05']);
    expect(later[3]!.pages).toContain('events/2025-08-01-w/index.html');
  });

  it('changes only the hash of the shard whose pages changed, so the others are reused', () => {
    const before = quarters(pages);
    const sameMonth = quarters([...pages, page('articles/2025-05-20-d/index.html', '2025-05-20')]);
    expect(sameMonth.map((s) => s.hash).slice(0, 3)).toEqual(before.map((s) => s.hash).slice(0, 3));
    expect(sameMonth[3]!.hash).not.toBe(before[3]!.hash);
    // The next month's first article: May goes back into its quarter, June is the newest shard.
    const nextMonth = quarters([...pages, page('articles/2025-06-01-d/index.html', '2025-06-01')]);
    expect(nextMonth.map((s) => s.key)).toEqual(['earlier', '2025-Q1', '2025-Q2', '2025-06']);
    expect(nextMonth.map((s) => s.hash).slice(0, 2)).toEqual(before.map((s) => s.hash).slice(0, 2));
    const edited = quarters(pages.map((p) => (p.path.includes('2025-03-30') ? { ...p, hash: 'other' } : p)));
    expect(edited.map((s, i) => s.hash === before[i]!.hash)).toEqual([true, false, true, true]);
    expect(quarters(pages, 'pagefind 2')[0]!.hash).not.toBe(before[0]!.hash);
  });

  it('lets a half-year’s two quarters share a shard up to the page limit, never the newest month or the background', () => {
    // Three pages a quarter from 2024-Q1 to 2025-Q1, two in the newest month (2025-02).
    const archive = ['2024-01', '2024-04', '2024-07', '2024-10', '2025-01'].flatMap((month) =>
      [1, 2, 3].map((day) => page(`articles/${month}-0${day}-a/index.html`, `${month}-0${day}`)),
    );
    archive.push(page('articles/2025-02-01-n/index.html', '2025-02-01'), page('events/2025-02-02-e/index.html', '2025-02-02'));
    archive.push(page('events/2014-y/index.html', '2014-01-01'));
    const plan = shardPlan(archive, '', 7);
    // earlier alone; 2024's halves (6 pages each); 2025-Q1 alone, before the newest month (which is apart).
    expect(plan.map((s) => [s.key, s.pages.length])).toEqual([
      ['earlier', 1],
      ['2024-Q1_2024-Q2', 6],
      ['2024-Q3_2024-Q4', 6],
      ['2025-Q1', 3],
      ['2025-02', 2],
    ]);
    // Every page in exactly one shard.
    expect(plan.flatMap((s) => s.pages).sort()).toEqual(archive.map((p) => p.path).sort());
    // A new article of the newest month changes only the newest shard.
    const next = shardPlan([...archive, page('articles/2025-02-03-m/index.html', '2025-02-03')], '', 7);
    expect(next.map((s) => s.key)).toEqual(plan.map((s) => s.key));
    expect(next.map((s, i) => s.hash === plan[i]!.hash)).toEqual([true, true, true, true, false]);
    // A new background event changes only the background's small shard.
    const background = shardPlan([...archive, page('events/2013-b/index.html', '2013-05-01')], '', 7);
    expect(background.map((s, i) => s.hash === plan[i]!.hash)).toEqual([false, true, true, true, true]);
    // At the limit a half-year still shares; one page more and it splits into its quarters,
    // while the shards of the other half-years keep their pages and hashes.
    expect(shardPlan(archive, '', 6).map((s) => s.key)).toEqual(plan.map((s) => s.key));
    const grown = shardPlan([...archive, page('events/2024-02-10-g/index.html', '2024-02-10')], '', 6);
    expect(grown.map((s) => s.key)).toEqual(['earlier', '2024-Q1', '2024-Q2', '2024-Q3_2024-Q4', '2025-Q1', '2025-02']);
    expect(grown.slice(3).map((s) => s.hash)).toEqual(shardPlan(archive, '', 6).slice(2).map((s) => s.hash));
    // A quarter over the limit on its own is a shard of its own.
    expect(shardPlan(archive, '', 2).map((s) => s.key)).toEqual(['earlier', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-02']);
  });

  it('reads filter values as Pagefind does, and counts each page once per value', () => {
    const html =
      '<main data-pagefind-body data-pagefind-filter="kind:event"><span data-pagefind-filter="outlet:Ben &amp; Jerry&#39;s"></span>' +
      '<span data-pagefind-filter="person:Putin"></span><span data-pagefind-filter="person:Putin"></span><span data-pagefind-filter="nocolon"></span></main>';
    expect(filtersOf(html)).toEqual([
      ['kind', 'event'],
      ['outlet', "Ben & Jerry's"],
      ['person', 'Putin'],
      ['person', 'Putin'],
    ]);
    const counts = filterCounts([
      { ...page('events/a/index.html', '2025-05-01'), filters: filtersOf(html) },
      { ...page('articles/b/index.html', '2025-05-01'), filters: [['kind', 'article'], ['person', 'Putin']] },
    ]);
    expect(counts).toEqual({ kind: { article: 1, event: 1 }, outlet: { "Ben & Jerry's": 1 }, person: { Putin: 2 } });
  });

  it('reads the facts of a page from its bytes as from its text: the same date, hash and filters, non-ASCII included', () => {
    const html =
      '<html><body><header data-pagefind-ignore="all">Menü — “Kyiv”</header><main data-pagefind-body data-pagefind-sort="date:2025-05-16">' +
      '<h1>Türkiye hosts talks in İstanbul</h1><p data-pagefind-ignore>Ё ignored 😀</p><p>Зеленський — “no” 😀</p>' +
      // Р is the bytes D0 A0, and A0 read alone is a no-break space: still not whitespace before an attribute.
      '<span title="Рdata-pagefind-ignore">Рада</span>' +
      // An ignored element's end: a no-break space after a tag name does not make it a tag.
      '<p data-pagefind-ignore>a<p\u00a0>b</p>c</p>' +
      '<span data-pagefind-filter="place:Türkiye"></span><span data-pagefind-filter="person:Volodymyr Zelenskyy &amp; Erdoğan"></span></main></body></html>';
    const facts = pageFacts(Buffer.from(html, 'utf8'));
    expect(facts).toEqual({
      date: '2025-05-16',
      hash: createHash('sha256').update(searchedPart(html)).digest('hex'),
      filters: filtersOf(html),
    });
    expect(facts.filters).toEqual([
      ['place', 'Türkiye'],
      ['person', 'Volodymyr Zelenskyy & Erdoğan'],
    ]);
    expect(pageFacts(Buffer.from('<main data-pagefind-sort="date:2025–05">', 'utf8')).date).toBe('2025–05');
    // What is ignored does not count, whatever its characters.
    expect(pageFacts(Buffer.from(html.replace('Ё ignored', 'Ж ignored'), 'utf8')).hash).toBe(facts.hash);
    expect(pageFacts(Buffer.from(html.replace('Зеленський', 'Зеленскому'), 'utf8')).hash).not.toBe(facts.hash);
  });

  it('reads quarters from dates and nothing else', () => {
    expect(quarterOf('2025-05-15')).toBe('2025-Q2');
    expect(quarterOf('2024-12')).toBe('2024-Q4');
    expect(quarterOf('2014')).toBeUndefined();
    expect(quarterOf('2025-13-01')).toBeUndefined();
  });

  it('hashes what Pagefind reads: ignored elements go, nested ones with them, and nothing else', () => {
    const page = (count: number, key: boolean) =>
      '<main data-pagefind-body><h1>Talks</h1>' +
      `<p class="kicker" data-pagefind-ignore>Event${key ? ' · Key event' : ''}</p>` +
      `<section data-pagefind-ignore><section><p>${count} sources</p></section><hr></section>` +
      '<p>Putin stayed in Moscow.</p><br data-pagefind-ignore><p>End.</p></main>';
    expect(searchedPart(page(100, true))).toBe('<main data-pagefind-body><h1>Talks</h1><p>Putin stayed in Moscow.</p><p>End.</p></main>');
    expect(searchedPart(page(101, false))).toBe(searchedPart(page(100, true)));
    expect(searchedPart('<header data-pagefind-ignore="all"><a>Home</a></header><main><p>News</p></main>')).toBe('<main><p>News</p></main>');
  });

  it('keeps an ignored element that holds what Pagefind reads even there, and the rest of a page it cannot read', () => {
    const withFilter = '<div data-pagefind-ignore><span data-pagefind-filter="person:Putin"></span></div><p>x</p>';
    expect(searchedPart(withFilter)).toBe(withFilter);
    // Default metadata, indexed attributes, the first heading (a result's title) and image.
    for (const inside of ['<span data-pagefind-default-meta="image[src]" src="a.png"></span>', '<abbr data-pagefind-index-attrs="title" title="UN">UN</abbr>', '<h1>Talks</h1>', '<img src="a.png" alt="">']) {
      const page = `<div data-pagefind-ignore>${inside}</div><p>x</p>`;
      expect(searchedPart(page)).toBe(page);
    }
    expect(searchedPart('<div data-pagefind-ignore><h2>Sources</h2></div><p>x</p>')).toBe('<p>x</p>');
    const unclosed = '<p>a</p><div data-pagefind-ignore><p>b</p>';
    expect(searchedPart(unclosed)).toBe(unclosed);
    expect(searchedPart('<p>no ignored element</p>')).toBe('<p>no ignored element</p>');
  });
});

describe('pageGlobs', () => {
  it('names every page once, in globs of at most the given size', () => {
    const pages = Array.from({ length: 1_203 }, (_, i) => `events/e-${i}/index.html`);
    const globs = pageGlobs(pages, 500);
    expect(globs).toHaveLength(3);
    const named = globs.flatMap((g) => g.replace(/^\{|\}$/g, '').split(','));
    expect(named).toEqual(pages);
    expect(globs.map((g) => g.split(',').length)).toEqual([500, 500, 203]);
    expect(pageGlobs(['articles/a/index.html'])).toEqual(['articles/a/index.html']);
    expect(pageGlobs([])).toEqual([]);
  });
});
