/**
 * The page benchmark's static checks: gzip byte accounting of a page and its
 * stylesheets, and the CSP scan (policy parsing, inline handlers, page types).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCsp, gzipBytes, inlineHandlers, linkedStylesheets, pageType, pageWeight, parseCsp, scanCsp } from '../../scripts/bench/pages/static.ts';

const dist = mkdtempSync(join(tmpdir(), 'bench-pages-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const STRICT = `default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self' 'sha256-def='`;
const page = (policy: string | null, body = '<p>Hi</p>') =>
  `<!doctype html><html><head>${policy === null ? '' : `<meta http-equiv="content-security-policy" content="${policy}">`}<style>p{color:red}</style></head><body>${body}</body></html>`;

describe('byte accounting', () => {
  it('counts gzip bytes of the body as sent, and nothing for an empty one', () => {
    const text = 'timeline '.repeat(500);
    expect(gzipBytes(text)).toBe(gzipSync(text, { level: 6 }).byteLength);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
    expect(gzipBytes(text)).toBeLessThan(Buffer.byteLength(text) / 10);
    expect(gzipBytes('')).toBe(0);
    expect(gzipBytes(new Uint8Array())).toBe(0);
  });

  it('adds linked stylesheets to the HTML, each gzipped on its own, and reports inline CSS', () => {
    mkdirSync(join(dist, 'css'), { recursive: true });
    writeFileSync(join(dist, 'css', 'a.css'), 'body { margin: 0 }\n'.repeat(50));
    const html = page(STRICT, '<link rel="preload stylesheet" href="/css/a.css"><link rel="icon" href="/x.svg">');
    writeFileSync(join(dist, 'index.html'), html);
    expect(linkedStylesheets(html)).toEqual(['/css/a.css']);
    const weight = pageWeight(dist, join(dist, 'index.html'));
    expect(weight.html.raw).toBe(Buffer.byteLength(html));
    expect(weight.linkedCss).toHaveLength(1);
    expect(weight.total.gzip).toBe(weight.html.gzip + weight.linkedCss[0]!.gzip);
    expect(weight.total.raw).toBe(weight.html.raw + 50 * 19);
    expect(weight.inlineCss.raw).toBe('p{color:red}'.length);
  });
});

describe('CSP scan', () => {
  it('parses directives', () => {
    const csp = parseCsp(STRICT);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('passes a strict policy, and names what breaks one', () => {
    expect(checkCsp(page(STRICT)).problems).toEqual([]);
    expect(checkCsp(page(null)).problems).toEqual(['no <meta http-equiv="content-security-policy">']);
    expect(checkCsp(page(STRICT.replace("'self' 'wasm", "'self' 'unsafe-inline' 'wasm"))).problems).toEqual(["script-src allows 'unsafe-inline'"]);
    expect(checkCsp(page(STRICT.replace("'self' 'wasm", "'self' https://cdn.example 'wasm"))).problems).toEqual(['script-src allows https://cdn.example']);
    // HTML-escaped quotes in the attribute, as some builds write them.
    expect(checkCsp(page(STRICT.replace(/'/g, '&#39;'))).problems).toEqual([]);
  });

  it('finds inline event handlers in markup only', () => {
    expect(inlineHandlers('<button type="button" onclick="go()">Go</button><img src=x onerror=alert(1)>')).toEqual(['<button> onclick', '<img> onerror']);
    // Text, attribute values, scripts and comments that merely mention one are not handlers.
    expect(inlineHandlers('<p title="say onclick=x">onload="no"</p><script>el.onclick = f; "<a onclick=x>"</script><!-- <a onclick="x"> --><a data-once="1" online>x</a>')).toEqual([]);
    expect(checkCsp(page(STRICT, '<a href="#" onClick="x()">x</a>')).problems).toEqual(['inline handler <a> onclick']);
  });

  it('groups pages by type and reports failing files', () => {
    expect(pageType('index.html')).toBe('timeline');
    expect(pageType('events/some-event/index.html')).toBe('event');
    expect(pageType('articles/a/index.html')).toBe('article');
    expect(pageType('articles/index.html')).toBe('articles index');
    expect(pageType('people/anne/index.html')).toBe('filter page');
    expect(pageType('404.html')).toBe('not found');
    mkdirSync(join(dist, 'events', 'e1'), { recursive: true });
    writeFileSync(join(dist, 'events', 'e1', 'index.html'), page(STRICT, '<a onclick="x">x</a>'));
    const scan = scanCsp(dist);
    expect(scan.files).toBe(2);
    expect(scan.types.find((t) => t.type === 'timeline')).toMatchObject({ files: 1, failing: 0 });
    expect(scan.types.find((t) => t.type === 'event')).toMatchObject({ files: 1, failing: 1, problems: ['events/e1/index.html: inline handler <a> onclick'] });
  });
});
