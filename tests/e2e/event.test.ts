/**
 * An event page cites its outlets side by side and links to each quoted
 * sentence; following the link lands on the article with the sentence targeted
 * and highlighted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlePage } from './pages/ArticlePage.ts';
import { EventPage } from './pages/EventPage.ts';
import { publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
const events = publishedEvents();
// The most-cited event: several outlets' wording side by side.
const event = [...events].sort((a, b) => b.sources.length - a.sources.length || a.id.localeCompare(b.id))[0]!;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('event page', () => {
  it('cites each source: outlet, quoted sentence in a <blockquote cite>, link to the sentence', async () => {
    const { page, problems, close } = await harness.page();
    const eventPage = await new EventPage(page).open(event.id);
    await expect(eventPage.heading.textContent()).resolves.toBe(event.title);
    const sources = await eventPage.sourceDetails();
    expect(sources.map((s) => s.outlet)).toEqual(event.sources.map((s) => s.outlet));
    for (const [i, source] of sources.entries()) {
      const published = event.sources[i]!;
      expect(source.quote).toBe(published.text);
      expect(source.cite).toBe(published.url);
      expect(source.link).toBe(new URL(published.url).pathname + new URL(published.url).hash);
      expect(source.link).toMatch(/^\/articles\/[^/]+\/#s-[0-9a-f]{8}$/);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('opens the sentence in its article, targeted and highlighted', async () => {
    const { page, problems, close } = await harness.page();
    const eventPage = await new EventPage(page).open(event.id);
    const [first] = await eventPage.sourceDetails();
    await eventPage.sentenceLink(0).click();
    await page.waitForURL(`**${first!.link}`);
    const article = new ArticlePage(page);
    const target = await article.targetedSentence();
    expect(target?.id).toBe(first!.link.split('#')[1]);
    expect(target?.text.replace(/↗/g, '').trim()).toBe(first!.quote);
    expect(target?.highlighted).toBe(true);
    // The page may scroll smoothly to it.
    await expect.poll(async () => (await article.targetedSentence())?.inView).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('links to the previous and next event in timeline order', async () => {
    const { page, close } = await harness.page();
    // events.json lists events in timeline order, background included where it falls.
    const ordered = events.map((e) => e.id);
    const i = ordered.indexOf(event.id);
    const eventPage = await new EventPage(page).open(event.id);
    if (i > 0) await expect(eventPage.previous.getAttribute('href')).resolves.toBe(`/events/${ordered[i - 1]}/`);
    if (i < ordered.length - 1) await expect(eventPage.next.getAttribute('href')).resolves.toBe(`/events/${ordered[i + 1]}/`);
    await close();
  });
});
