/**
 * `npm run new -- --outlet "…" --title "…" [--published …] [--url …] [--dir content/articles]`
 *
 * Writes a correctly named article file with complete frontmatter and a
 * placeholder body, then checks it against the schema like the build does.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseArticle } from '../src/pipeline/article.ts';
import { displayPath } from '../src/pipeline/files.ts';
import { formatProblem } from '../src/pipeline/problems.ts';
import { slugify } from '../src/pipeline/slug.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const outlet = option('outlet');
const title = option('title');
if (!outlet || !title) {
  console.error('usage: npm run new -- --outlet "Outlet" --title "Headline" [--published 2025-05-15] [--url https://…]');
  process.exit(2);
}
const published = option('published') ?? new Date().toISOString().slice(0, 10);
const url = option('url');
const dir = option('dir') ?? 'content/articles';

const frontmatter: Record<string, unknown> = { title, outlet, published };
frontmatter.authors = [];
if (url) frontmatter.url = url;
frontmatter.language = 'en';
frontmatter.kind = 'report';

const body = `
Replace this paragraph with the article's text, every sentence word for word.

## A subheading, if the article has one

:::figure{credit="Photographer/Agency"}
A photo caption, if the article has one.
:::
`;
const source = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${body}`;
const file = join(dir, `${published.slice(0, 10)}-${slugify(outlet, 3)}-${slugify(title, 5)}.md`);

const { problems } = parseArticle(displayPath(file), source);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p).replace(/^[^:]+:\d+:\d+: /, `--${p.message.match(/`(\w+)`/)?.[1] ?? 'value'}: `));
  process.exit(1);
}
if (existsSync(file)) {
  console.error(`${displayPath(file)} already exists; choose another title or edit that file.`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(file, source);
console.log(`Wrote ${displayPath(file)}. Paste the article's text, then preview it with:\n  npm run extract -- ${displayPath(file)}`);
