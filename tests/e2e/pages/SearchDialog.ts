import type { Locator, Page } from 'playwright-core';

/** The header search (Pagefind Component UI in a dialog), driven by keyboard as a reader would. */
export class SearchDialog {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get dialog(): Locator {
    return this.page.locator('dialog.pf-modal');
  }

  get input(): Locator {
    return this.dialog.locator('input.pf-input');
  }

  get results(): Locator {
    return this.dialog.locator('.pf-result');
  }

  /** Opens with `/` (or Ctrl+K) from the page. */
  async openWithKey(key: '/' | 'Control+k' = '/'): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(key);
    await this.input.waitFor({ state: 'visible' });
    await this.page.waitForFunction(() => document.activeElement?.matches('input.pf-input') ?? false);
  }

  async type(query: string): Promise<void> {
    await this.page.keyboard.type(query);
    await this.results.first().locator('.pf-result-link').waitFor();
  }

  /** Results re-render as each keystroke's search lands: wait for the current list's first link. */
  async settled(): Promise<void> {
    await this.results.first().locator('.pf-result-link').waitFor();
  }

  async resultTitles(): Promise<string[]> {
    await this.settled();
    return this.results.locator('.pf-result-link').allTextContents();
  }

  async resultLinks(): Promise<string[]> {
    await this.settled();
    return this.results.locator('.pf-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  }
}
