import type { Locator } from 'playwright-core';
import { SitePage } from './SitePage.ts';

/** The home page: key events, filter chips, the rail of days, background. */
export class TimelinePage extends SitePage {
  async open(query = ''): Promise<this> {
    return this.goto(`/${query}`);
  }

  /** `datetime` of each date heading on the rail (days, weeks, months), in page order, background excluded. */
  async railDates(): Promise<string[]> {
    return this.page.locator('#timeline .rail-day:not(.background-section .rail-day) > .rail-heading time').evaluateAll((els) =>
      els.map((el) => el.getAttribute('datetime') ?? ''),
    );
  }

  /** `datetime` of each day heading (`YYYY-MM-DD`) on the rail. */
  async dayHeadings(): Promise<string[]> {
    return (await this.railDates()).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  }

  /** Events on the timeline (story and background), by anchor id, in page order. */
  async eventIds(options: { visibleOnly?: boolean } = {}): Promise<string[]> {
    return this.page.locator('#timeline li.event').evaluateAll(
      (els, visibleOnly) => els.filter((el) => !visibleOnly || (el as HTMLElement).offsetParent !== null).map((el) => el.id),
      options.visibleOnly ?? false,
    );
  }

  event(id: string): Locator {
    return this.page.locator(`li.event[id="${id}"]`);
  }

  get keyEvents(): Locator {
    return this.page.locator('#key-events .key-events > li');
  }

  chip(facet: 'person' | 'place' | 'outlet', slug: string): Locator {
    return this.page.locator(`.filters-section a[data-filter="${facet}"][data-value="${slug}"]`);
  }

  get filterStatus(): Locator {
    return this.page.locator('[data-filter-status]');
  }

  copyButton(id: string): Locator {
    return this.event(id).locator('button.copy-link');
  }

  permalink(id: string): Locator {
    return this.event(id).locator('a.permalink');
  }
}
