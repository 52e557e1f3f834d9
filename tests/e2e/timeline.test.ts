/**
 * The timeline page: the story's events in date order, key events first,
 * background apart, every event anchored; complete without JavaScript; usable
 * on a 375 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelinePage } from './pages/TimelinePage.ts';
import { publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
const events = publishedEvents();

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('timeline', () => {
  it('shows the story’s days as headings in ascending order', async () => {
    const { page, problems, close } = await harness.page();
    const timeline = await new TimelinePage(page).open();
    await expect(timeline.heading.count()).resolves.toBe(1);
    const days = await timeline.dayHeadings();
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(days.length);
    // Week and month headings sit among the days by their first day.
    const starts = (await timeline.railDates()).map((d) => (/^\d{4}-W/.test(d) ? d : d.padEnd(10, '-01').slice(0, 10)));
    expect(starts.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toEqual(starts.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort());
    const heading = page.locator('#timeline h2.rail-heading time').first();
    expect(await heading.textContent()).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$|^Week of|^\w+ \d{4}$/);
    expect(problems).toEqual([]);
    await close();
  });

  it('lists every event of events.json once, in timeline order, each with an anchor, title link and source badges', async () => {
    const { page, close } = await harness.page();
    const timeline = await new TimelinePage(page).open();
    const ids = await timeline.eventIds();
    const story = events.filter((e) => !e.background).map((e) => e.id);
    const background = events.filter((e) => e.background).map((e) => e.id);
    expect(ids).toEqual([...story, ...background]);
    const first = timeline.event(story[0]!);
    await expect(first.locator('h3 a').getAttribute('href')).resolves.toBe(`/events/${story[0]}/`);
    const badges = await first.locator('.badges a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(badges).toEqual(events.find((e) => e.id === story[0])!.sources.map((s) => new URL(s.url).pathname + new URL(s.url).hash));
    await close();
  });

  it('puts key events first and background events in their own section', async () => {
    const { page, close } = await harness.page();
    const timeline = await new TimelinePage(page).open();
    const key = events.filter((e) => e.key);
    await expect(timeline.keyEvents.count()).resolves.toBe(key.length);
    const keyTop = await page.locator('#key-events').evaluate((el) => el.getBoundingClientRect().top);
    const railTop = await page.locator('#timeline').evaluate((el) => el.getBoundingClientRect().top);
    expect(keyTop).toBeLessThan(railTop);
    const inBackground = await page.locator('#background li.event').evaluateAll((els) => els.map((el) => el.id));
    expect(inBackground).toEqual(events.filter((e) => e.background).map((e) => e.id));
    await close();
  });

  it('shows clock times with their zone in a <time datetime>', async () => {
    const timed = events.find((e) => e.time && /[+-]\d{2}:\d{2}$/.test(e.time) && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
    if (!timed) return;
    const { page, close } = await harness.page();
    const timeline = await new TimelinePage(page).open();
    const clock = timeline.event(timed.id).locator('time.clock').first();
    await expect(clock.getAttribute('datetime')).resolves.toBe(`${timed.date}T${timed.time}`);
    expect(await clock.textContent()).toMatch(/^\d{2}:\d{2} (\w+ \()?UTC[+-]\d{2}:\d{2}\)?$/);
    await close();
  });

  it('copies an event’s permalink with the copy-link button', async () => {
    const { page, problems, close } = await harness.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    const timeline = await new TimelinePage(page).open();
    const id = events[0]!.id;
    await expect(timeline.permalink(id).isVisible()).resolves.toBe(false);
    await timeline.copyButton(id).click();
    await expect.poll(() => timeline.copyButton(id).textContent()).toMatch(/copied|address bar/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => location.href));
    expect(copied).toBe(`${harness.site.url}/#${id}`);
    expect(problems).toEqual([]);
    await close();
  });

  it('is complete without JavaScript: every event, permalinks, and search as a link to /search/', async () => {
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    const timeline = await new TimelinePage(page).open();
    expect(await timeline.eventIds({ visibleOnly: true })).toEqual(await timeline.eventIds());
    expect((await timeline.eventIds()).length).toBe(events.length);
    const id = events[0]!.id;
    await expect(timeline.permalink(id).isVisible()).resolves.toBe(true);
    await expect(timeline.permalink(id).getAttribute('href')).resolves.toBe(`#${id}`);
    await expect(timeline.copyButton(id).isVisible()).resolves.toBe(false);
    await expect(timeline.searchControl.getAttribute('href')).resolves.toBe('/search/');
    await timeline.searchControl.click();
    await page.waitForURL('**/search/');
    await expect(page.locator('main').textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator('main a[href^="/people/"]').count()).resolves.toBeGreaterThan(0);
    await close();
  });

  it('fits a 375 px phone: no sideways scrolling, header search reachable', async () => {
    const { page, problems, close } = await harness.page({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const timeline = await new TimelinePage(page).open();
    expect(await timeline.overflowsSideways()).toBe(false);
    await expect(timeline.searchControl.isVisible()).resolves.toBe(true);
    const box = await timeline.event(events[0]!.id).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await close();
  });
});
