/**
 * Clock times in the reader's terms: an event's time is shown as its source
 * gives it, with the zone, and, with JavaScript, the same instant in the
 * reader's own zone beside it when that zone differs; without JavaScript the
 * source's time alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedEvents, startHarness, type Harness } from './support/browser.ts';

let harness: Harness;
// An event on a day with a clock time at UTC+01:00 (BST), such as "about 11am UK time".
const event = publishedEvents().find((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date) && e.time?.endsWith('+01:00'))!;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('clock times', () => {
  it('the seed story has an event with a BST clock time', () => {
    expect(event, 'an event timed at UTC+01:00').toBeDefined();
  });

  it('adds the reader’s own time when the reader is in another zone', async () => {
    const { page, problems, close } = await harness.page({ timezoneId: 'America/New_York', locale: 'en-US' });
    await page.goto(`${harness.site.url}/events/${event.id}/`);
    const clock = page.locator('.when time.clock').first();
    const [hour, minute] = event.time!.slice(0, 5).split(':').map(Number) as [number, number];
    // New York in May is UTC−4: five hours behind BST.
    const local = `${String((hour + 24 - 5) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    await expect(page.locator('.when .local-time').first().textContent()).resolves.toContain(`${local}`);
    await expect(page.locator('.when .local-time').first().textContent()).resolves.toContain('your time');
    await expect(clock.getAttribute('title')).resolves.toMatch(/BST.*as the source gives it/);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the source’s time alone to a reader in the same zone, and without JavaScript', async () => {
    for (const options of [{ timezoneId: 'Europe/London' }, { javaScriptEnabled: false, timezoneId: 'America/New_York' }]) {
      const { page, close } = await harness.page(options);
      await page.goto(`${harness.site.url}/events/${event.id}/`);
      await expect(page.locator('.when time.clock').first().textContent()).resolves.toMatch(/BST \(UTC\+01:00\)/);
      await expect(page.locator('.when .local-time').count()).resolves.toBe(0);
      await close();
    }
  });
});
