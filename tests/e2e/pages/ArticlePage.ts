import { SitePage } from './SitePage.ts';

/** `/articles/<id>/`: the article, sentence-anchored; a `#s-…` fragment highlights one sentence. */
export class ArticlePage extends SitePage {
  /** The element the URL fragment targets, with whether it is highlighted and on screen. */
  async targetedSentence(): Promise<{ id: string; text: string; highlighted: boolean; inView: boolean } | undefined> {
    return this.page.evaluate(() => {
      const el = document.querySelector(':target');
      if (!el) return undefined;
      const rect = el.getBoundingClientRect();
      const background = getComputedStyle(el).backgroundColor;
      return {
        id: el.id,
        text: el.textContent ?? '',
        highlighted: el.classList.contains('sentence') && background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent',
        inView: rect.bottom > 0 && rect.top < window.innerHeight,
      };
    });
  }
}
