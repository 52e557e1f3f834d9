import type { Locator } from 'playwright-core';
import { TimelinePage } from './TimelinePage.ts';

/** `/timeline/YYYY-MM/` (a month's events by day) and `/timeline/background/`: rails like the home page's, with month navigation. */
export class MonthPage extends TimelinePage {
  async openMonth(month: string): Promise<this> {
    return this.goto(`/timeline/${month}/`);
  }

  async openBackground(): Promise<this> {
    return this.goto('/timeline/background/');
  }

  get previousMonth(): Locator {
    return this.page.locator('.month-steps a[rel="prev"]');
  }

  get nextMonth(): Locator {
    return this.page.locator('.month-steps a[rel="next"]');
  }

  /** The month list's links (`href`), in page order, on this page or the home page. */
  async monthLinks(): Promise<string[]> {
    return this.page.locator('nav.month-nav .month-year a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  }

  /** The month list's entry marked as the current page. */
  get currentMonth(): Locator {
    return this.page.locator('nav.month-nav a[aria-current="page"]');
  }

  get backgroundLink(): Locator {
    return this.page.locator('nav.month-nav .month-background a');
  }
}
