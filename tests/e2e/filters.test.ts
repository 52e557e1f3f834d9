/**
 * Filters by person, place and outlet: static pages that work without
 * JavaScript, and, with it, the home page filtering in place with the filter
 * kept in the URL so the filtered view can be shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelinePage } from './pages/TimelinePage.ts';
import { pageOrder, publishedEvents, startHarness, type Harness } from './support/browser.ts';
import { slugify } from '../../src/pipeline/slug.ts';

let harness: Harness;
const events = publishedEvents();
const slug = (name: string) => slugify(name, 12);
// The person most events name.
const counts = new Map<string, number>();
for (const e of events) for (const p of new Set(e.people.map(slug))) counts.set(p, (counts.get(p) ?? 0) + 1);
const [person] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
const withPerson = pageOrder(events.filter((e) => e.people.some((p) => slug(p) === person)));

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('filters', () => {
  it('a person’s filter page lists exactly their events, without JavaScript', async () => {
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    await page.goto(`/people/${person}/`);
    const ids = await page.locator('main li.event').evaluateAll((els) => els.map((el) => el.id));
    expect(ids).toEqual(withPerson);
    await close();
  });

  it('every outlet and place chip on the home page opens a filter page', async () => {
    const { page, close } = await harness.page({ javaScriptEnabled: false });
    const timeline = await new TimelinePage(page).open();
    const hrefs = await page.locator('.filters-section a.chip').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href).toMatch(/^\/(people|places|outlets)\/[a-z0-9-]+\/$/);
    await timeline.chip('outlet', slug(events[0]!.sources[0]!.outlet)).click();
    await page.waitForURL('**/outlets/**');
    const ids = await page.locator('main li.event').evaluateAll((els) => els.map((el) => el.id));
    expect(ids).toEqual(pageOrder(events.filter((e) => e.sources.some((s) => s.outlet === events[0]!.sources[0]!.outlet))));
    await close();
  });

  it('with JavaScript, a chip filters the timeline in place and puts the filter in the URL', async () => {
    const { page, problems, close } = await harness.page();
    const timeline = await new TimelinePage(page).open();
    await timeline.chip('person', person).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('person')).toBe(person);
    expect(await timeline.eventIds({ visibleOnly: true })).toEqual(withPerson);
    await expect(timeline.filterStatus.isVisible()).resolves.toBe(true);
    await timeline.filterStatus.getByRole('link', { name: 'Show all events' }).click();
    expect((await timeline.eventIds({ visibleOnly: true })).length).toBe(events.length);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('a shared filtered URL opens filtered, and Back undoes a filter', async () => {
    const { page, problems, close } = await harness.page();
    const timeline = await new TimelinePage(page).open(`?person=${person}`);
    expect(await timeline.eventIds({ visibleOnly: true })).toEqual(withPerson);
    await expect(timeline.filterStatus.textContent()).resolves.toContain(`${withPerson.length} event`);
    await timeline.filterStatus.getByRole('link', { name: 'Show all events' }).click();
    expect((await timeline.eventIds({ visibleOnly: true })).length).toBe(events.length);
    await page.goBack();
    await expect.poll(async () => (await timeline.eventIds({ visibleOnly: true })).length).toBe(withPerson.length);
    expect(problems).toEqual([]);
    await close();
  });
});
