import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/pipeline/article.ts';
import { citeSentences, renderArticle } from '../../src/pipeline/render.ts';

describe('renderArticle', () => {
  it('anchors every sentence with the same id the pipeline gives it', () => {
    const body = 'Putin stayed away on Thursday. Zelensky flew to Ankara.\n\n## Washington watching closely\n';
    const html = renderArticle(body);
    for (const sentence of sentencesOf(body, 1)) expect(html).toContain(`id="${sentence.id}"`);
    expect(html).toContain('<h2>');
  });

  it('links cited sentences back to their events', () => {
    const body = 'Putin stayed away on Thursday.';
    const [sentence] = sentencesOf(body, 1);
    const html = renderArticle(body, { cited: new Map([[sentence!.id, [{ id: '2025-05-15-x', title: 'X' }]]]) });
    expect(html).toContain('class="sentence cited"');
    expect(html).toContain('href="/events/2025-05-15-x/"');
  });

  it('renders captions as figures with their credit, apart from body text', () => {
    const html = renderArticle(':::figure{credit="HUSEYIN HAYATSEVER/REUTERS"}\nZelensky talks to the media.\n:::\n');
    expect(html).toMatch(/<figure class="figure"><figcaption>.*Zelensky talks to the media\..*<small class="credit">HUSEYIN HAYATSEVER\/REUTERS<\/small><\/figcaption><\/figure>/);
  });

  it('keeps one h1 per page by demoting body h1 headings', () => {
    expect(renderArticle('# A heading\n\nText.')).not.toContain('<h1');
  });

  it('neutralises raw HTML, event handlers and javascript: links', () => {
    const html = renderArticle(
      'Hello <script>alert(1)</script> world.\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>\n\n<form action="/x"><input></form>\n\n[click](javascript:alert(1)) and [site](https://example.com).',
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|<form|<input|javascript:/i);
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">site</a>');
  });

  it('renders lists and tables', () => {
    const html = renderArticle('- one item.\n- two items.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<ul>');
    expect(html).toContain('<table>');
  });
});

describe('text that looks like a directive', () => {
  it('keeps clock times and ratios (“18:00”, “3:1”) as text in sentences and HTML', () => {
    const body = 'The talks start at 18:00 UTC, not 6:40 p.m., and the vote was 3:1.';
    expect(sentencesOf(body, 1)[0]!.text).toBe(body);
    expect(renderArticle(body)).toContain('18:00 UTC, not 6:40 p.m., and the vote was 3:1.');
  });

  it('marks cited sentences with links to their events, and leaves the others as they were', () => {
    const body = 'Putin stayed away on Thursday. Zelensky flew to Ankara. Erdogan met him.';
    const html = renderArticle(body);
    const [first, second, third] = sentencesOf(body, 1);
    const cited = citeSentences(
      html,
      new Map([
        [third!.id, [{ id: 'e-2', title: 'Erdogan meets "Zelensky"' }]],
        [first!.id, [{ id: 'e-1', title: 'No-show' }, { id: 'e-3', title: 'A & B' }]],
        ['s-missing', [{ id: 'e-9', title: 'Nowhere' }]],
      ]),
    );
    expect(cited).toContain(`<span id="${first!.id}" class="sentence cited">Putin stayed away on Thursday.<a href="/events/e-1/" title="Event: No-show" class="event-link">↗</a><a href="/events/e-3/" title="Event: A &amp; B" class="event-link">↗</a></span>`);
    expect(cited).toContain(`<span id="${second!.id}" class="sentence">Zelensky flew to Ankara.</span>`);
    expect(cited).toContain(`title="Event: Erdogan meets &quot;Zelensky&quot;"`);
    expect(cited.replace(/<a [^>]*class="event-link">↗<\/a>/g, '').replace(/ cited"/g, '"')).toBe(html);
    expect(citeSentences(html, new Map())).toBe(html);
  });
});
