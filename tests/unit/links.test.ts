import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';

it('reports internal links that no page answers, at their place, and accepts good ones', () => {
  const content = mkdtempSync(join(tmpdir(), 'links-'));
  mkdirSync(join(content, 'articles'));
  for (const f of readdirSync('content/articles')) copyFileSync(join('content/articles', f), join(content, 'articles', f));
  writeFileSync(
    join(content, 'articles', '2025-05-16-fixture-links.md'),
    [
      '---',
      'title: "Links"',
      'outlet: "Fixture News"',
      'published: 2025-05-16',
      '---',
      '',
      'See [the Reuters report](/articles/2025-05-15-reuters-putin-spurns-zelenskiy-challenge/) and [the about page](/about/).',
      '',
      'But [this page](/articles/no-such-article/) and [this sentence](/articles/2025-05-15-reuters-putin-spurns-zelenskiy-challenge/#s-00000000) do not exist.',
      '',
    ].join('\n'),
  );
  const { problems } = buildSite(content, { cache: false });
  const messages = problems.map(formatProblem).map((m) => m.replace(content + '/', ''));
  expect(messages).toHaveLength(2);
  expect(messages[0]).toMatch(/^.*2025-05-16-fixture-links\.md:9:5: Unexpected link to \/articles\/no-such-article\/ that no page of the site answers, expected .* \[link-broken\]$/);
  expect(messages[1]).toMatch(/2025-05-16-fixture-links\.md:9:\d+: Unexpected link to \/articles\/2025-05-15-reuters-putin-spurns-zelenskiy-challenge\/#s-00000000/);
});
