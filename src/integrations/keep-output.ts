import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Keeps the last build's output in place for the next one, so that a
 * rebuild rewrites only the pages that changed.
 *
 * Astro's incremental build skips a page whose `cacheKey` is unchanged, but
 * first empties the output folder and then copies every skipped page back
 * from its cache: at 5,000 articles, seconds of deleting and copying 7,000
 * files for one new article. With the folder kept (`vite.build.emptyOutDir:
 * false`), a skipped page is the file already there. That is right only if
 * the folder holds, unchanged, what the last build wrote with the same cache, so:
 *
 * - after a build, the folder's files (path, size, modification time) are
 *   recorded in Astro's cache folder, for that output folder only;
 * - before a build, the record is checked: a folder where a recorded page
 *   (an `.html` file, the only files a build keeps without writing them) is
 *   gone or changed (another build's, edited by hand, a build that stopped
 *   while writing pages, another output folder built since) is emptied, as
 *   Astro would have done. Every other file is written by every build (the
 *   bundle, `public/`, feeds, sitemap, open data), so a build stopped before
 *   it wrote a page (`npm run build` stops Astro while it bundles when the
 *   content has errors) leaves the folder trusted, however much of its
 *   bundle it wrote;
 * - after a build, the files it neither wrote nor kept as a page (a page
 *   whose event is gone, a renamed asset, a stopped build's bundle) are
 *   deleted, so the folder is what a build from empty would write.
 *
 * `pagefind/` and `search-engine/` are the search step's (scripts/pagefind.ts,
 * after Astro): it replaces them itself, and they are left alone here.
 */

/** The search step's folders, written after Astro. */
export const SEARCH_FOLDERS = ['pagefind', 'search-engine'];

type Listing = Record<string, [size: number, mtimeMs: number]>;

interface Record_ {
  outDir: string;
  files: Listing;
}

/** Every file under `dir` but the search step's, by path relative to it. */
export function listOutput(dir: string): Listing {
  const files: Listing = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (!prefix && SEARCH_FOLDERS.includes(entry.name)) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full, path);
      else {
        const stat = statSync(full);
        files[path] = [stat.size, stat.mtimeMs];
      }
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return files;
}

/**
 * Whether every page of the record (its `.html` files) is in the folder as
 * recorded (same size and time). Other files, and files beyond the record,
 * may differ: every build writes them again or deletes them.
 */
export function unchangedSince(record: Listing, found: Listing): boolean {
  return Object.entries(record).every(([path, [size, time]]) => !path.endsWith('.html') || (found[path]?.[0] === size && found[path]?.[1] === time));
}

/** Empties `dir` as Astro does (all but `.git`). */
function emptyDir(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
}

/** The output file of a page's pathname (`build.format: 'directory'`), relative to the output folder. */
export function pageFile(pathname: string): string {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  if (path === '') return 'index.html';
  if (path === '404' || path === '500') return `${path}.html`;
  return `${path}/index.html`;
}

/**
 * The files to delete after a build: those it found (`before`) and left
 * untouched that are not pages it kept. Files it wrote have a new time.
 */
export function staleFiles(before: Listing, after: Listing, pages: string[]): string[] {
  const kept = new Set(pages.map(pageFile));
  return Object.keys(after)
    .filter((path) => {
      const was = before[path];
      const now = after[path]!;
      return was !== undefined && was[0] === now[0] && was[1] === now[1] && !kept.has(path);
    })
    .sort();
}

export function keepOutput(): AstroIntegration {
  let outDir = '';
  let recordFile = '';
  let before: Listing = {};
  return {
    name: 'keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        recordFile = join(fileURLToPath(config.cacheDir), 'kept-output.json');
      },
      'astro:build:start': ({ logger }) => {
        let record: Record_ | undefined;
        try {
          record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record_;
        } catch {
          record = undefined;
        }
        // A build that stops half-way leaves the record as it was: it tells what that build changed.
        const found = listOutput(outDir);
        if (!record || record.outDir !== outDir || !unchangedSince(record.files, found)) {
          if (Object.keys(found).length > 0) logger.info(`${outDir} is not the last build's output: emptied`);
          emptyDir(outDir);
          before = {};
        } else {
          before = found;
        }
      },
      'astro:build:done': ({ pages, logger }) => {
        const after = listOutput(outDir);
        const stale = staleFiles(before, after, pages.map((p) => p.pathname));
        for (const path of stale) {
          rmSync(join(outDir, path), { force: true });
          delete after[path];
          // Its folders too, up to the output folder, while nothing else is in them (`articles/2025/05/` and then `articles/2025/`).
          for (let folder = dirname(join(outDir, path)); folder.startsWith(outDir) && folder !== outDir; folder = dirname(folder)) {
            if (!existsSync(folder) || readdirSync(folder).length > 0) break;
            rmSync(folder, { recursive: true, force: true });
          }
        }
        if (stale.length > 0) logger.info(`removed ${stale.length} file(s) the last build wrote and this one did not`);
        mkdirSync(dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify({ outDir, files: after } satisfies Record_));
      },
    },
  };
}
