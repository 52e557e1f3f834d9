import type { Locator } from 'playwright-core';
import { SitePage } from './SitePage.ts';

/** `/events/<id>/`: the event and each source's wording side by side. */
export class EventPage extends SitePage {
  async open(id: string): Promise<this> {
    return this.goto(`/events/${id}/`);
  }

  get sources(): Locator {
    return this.page.locator('ul.sources > li');
  }

  async outlets(): Promise<string[]> {
    return this.sources.locator('figcaption .badge').allTextContents();
  }

  /** Each source: outlet, quoted text, blockquote `cite`, and the link to the sentence. */
  async sourceDetails(): Promise<Array<{ outlet: string; quote: string; cite: string; link: string }>> {
    return this.sources.evaluateAll((items) =>
      items.map((li) => ({
        outlet: li.querySelector('.badge')?.textContent?.trim() ?? '',
        quote: li.querySelector('blockquote')?.textContent?.trim() ?? '',
        cite: li.querySelector('blockquote')?.getAttribute('cite') ?? '',
        link: li.querySelector('.to-sentence a')?.getAttribute('href') ?? '',
      })),
    );
  }

  sentenceLink(index: number): Locator {
    return this.sources.nth(index).locator('.to-sentence a');
  }

  get previous(): Locator {
    return this.page.locator('.prev-next a[rel="prev"]');
  }

  get next(): Locator {
    return this.page.locator('.prev-next a[rel="next"]');
  }
}
