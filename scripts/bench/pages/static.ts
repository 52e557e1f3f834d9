/**
 * What the page benchmark reads from the built files alone: the weight of a
 * page's HTML and CSS (raw and gzipped), and a scan of every HTML file for the
 * strict Content-Security-Policy `<meta>` and inline event handlers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Bytes as a host would send them compressed: gzip at zlib's default level 6
 * (what nginx `gzip_comp_level` 6 or most CDNs send). Our test server sends
 * files uncompressed, so every "gzipped" figure of the benchmark is this.
 */
export function gzipBytes(body: string | Uint8Array): number {
  if (typeof body === 'string' ? body.length === 0 : body.byteLength === 0) return 0;
  return gzipSync(body, { level: 6 }).byteLength;
}

export interface Bytes {
  raw: number;
  gzip: number;
}

export function bytesOf(body: string | Uint8Array): Bytes {
  return { raw: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength, gzip: gzipBytes(body) };
}

export interface PageWeight {
  /** The HTML document (inline CSS and scripts included). */
  html: Bytes;
  /** The inline `<style>` blocks alone, for information (they are inside `html`). */
  inlineCss: Bytes;
  /** Stylesheets linked with `<link rel="stylesheet">`, each gzipped on its own. */
  linkedCss: Array<{ href: string } & Bytes>;
  /** HTML plus linked CSS: what the budget counts. */
  total: Bytes;
}

/** The start tags of one element name, attributes unparsed. */
function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/** One attribute's value in a start tag (quoted or bare), undefined if absent. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** `href`s of `<link rel="stylesheet">` (rel may hold other words too). */
export function linkedStylesheets(html: string): string[] {
  return tags(html, 'link')
    .filter((t) => (attribute(t, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet'))
    .map((t) => attribute(t, 'href'))
    .filter((h): h is string => !!h);
}

export function inlineStyles(html: string): string {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!).join('\n');
}

/** Weight of one built page; `file` is the HTML file, `dist` resolves root-relative links. */
export function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const linkedCss = linkedStylesheets(text).map((href) => {
    const path = new URL(href, 'http://site/').pathname;
    const local = join(dist, decodeURIComponent(path));
    if (/^https?:\/\//.test(href) && !href.startsWith('http://site/')) throw new Error(`stylesheet off the site: ${href}`);
    if (!existsSync(local)) throw new Error(`linked stylesheet ${href} not in ${dist}`);
    return { href, ...bytesOf(readFileSync(local)) };
  });
  const htmlBytes = bytesOf(html);
  return {
    html: htmlBytes,
    inlineCss: bytesOf(inlineStyles(text)),
    linkedCss,
    total: {
      raw: htmlBytes.raw + linkedCss.reduce((s, c) => s + c.raw, 0),
      gzip: htmlBytes.gzip + linkedCss.reduce((s, c) => s + c.gzip, 0),
    },
  };
}

/* CSP scan */

/** A policy's directives by name (lower case), each a list of sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** HTML with the contents of `<script>`, `<style>` and comments blanked, so only markup is left. */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2');
}

/** Inline event handler attributes (`onclick=`, `onload=`…) in start tags, as `tag attr`. */
export function inlineHandlers(html: string): string[] {
  const found: string[] = [];
  for (const tag of markupOnly(html).match(/<[a-z][a-z0-9-]*\b[^>]*>/gi) ?? []) {
    // Attribute names only: drop quoted values first, so text like title="x onclick=y" is not one.
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    for (const m of names.matchAll(/\s(on[a-z]+)\s*=/gi)) found.push(`<${/^<([a-z0-9-]+)/i.exec(tag)![1]}> ${m[1]!.toLowerCase()}`);
  }
  return found;
}

export interface CspReport {
  /** The policy of the first `<meta http-equiv="content-security-policy">`, if any. */
  policy?: string;
  problems: string[];
}

/** What keeps one page's policy from being strict, empty if it is. */
export function checkCsp(html: string): CspReport {
  const meta = tags(html, 'meta').find((t) => (attribute(t, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  const problems: string[] = [];
  if (!meta) return { problems: ['no <meta http-equiv="content-security-policy">'] };
  const policy = attribute(meta, 'content')!.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const directives = parseCsp(policy);
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSrc) problems.push('no script-src or default-src');
  else {
    // Inline code, eval, or any source but this origin and hashes ('wasm-unsafe-eval' compiles WebAssembly only).
    for (const source of scriptSrc) {
      const keyword = source.startsWith("'");
      if (source === "'unsafe-inline'" || source === "'unsafe-eval'" || source === "'unsafe-hashes'" || !keyword) problems.push(`script-src allows ${source}`);
    }
  }
  if (!directives.has('object-src') && !(directives.get('default-src') ?? []).includes("'none'")) problems.push('no object-src');
  if (!directives.has('base-uri')) problems.push('no base-uri');
  for (const handler of inlineHandlers(html)) problems.push(`inline handler ${handler}`);
  return { policy, problems };
}

/** The page type of a built HTML file, by its path under dist. */
export function pageType(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  if (parts.length === 1 && parts[0] === 'index.html') return 'timeline';
  if (parts[0] === '404.html') return 'not found';
  const [first] = parts;
  if ((first === 'events' || first === 'articles') && parts.length === 3) return first === 'events' ? 'event' : 'article';
  if (parts.length === 2) return `${first} index`;
  if (['people', 'places', 'outlets'].includes(first!)) return 'filter page';
  return first!;
}

export interface CspScan {
  files: number;
  /** Per page type: how many files, how many with problems, the first problems seen. */
  types: Array<{ type: string; files: number; failing: number; example: string; problems: string[] }>;
}

export function scanCsp(dist: string): CspScan {
  const byType = new Map<string, { files: number; failing: number; example: string; problems: Set<string> }>();
  let files = 0;
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = relative(dist, file).split(sep).join('/');
    if (rel.startsWith('pagefind/')) continue;
    files++;
    const type = pageType(rel);
    const slot = byType.get(type) ?? { files: 0, failing: 0, example: `/${rel.replace(/index\.html$/, '')}`, problems: new Set<string>() };
    slot.files++;
    const { problems } = checkCsp(readFileSync(file, 'utf8'));
    if (problems.length > 0) {
      slot.failing++;
      for (const p of problems) if (slot.problems.size < 5) slot.problems.add(`${rel}: ${p}`);
    }
    byType.set(type, slot);
  }
  return {
    files,
    types: [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([type, s]) => ({ type, files: s.files, failing: s.failing, example: s.example, problems: [...s.problems] })),
  };
}
