import type { Locator, Page } from 'playwright-core';

/** What every page has: the header with search, the main landmark, one h1. */
export class SitePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(path: string): Promise<this> {
    await this.page.goto(path);
    return this;
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get searchControl(): Locator {
    return this.page.locator('header [data-search-open]');
  }

  /** Whether the page is wider than its viewport (sideways scrolling). */
  async overflowsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  }
}
