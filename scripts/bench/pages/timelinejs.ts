/**
 * The comparison page: TimelineJS 3 (`@knight-lab/timelinejs`, its built
 * `dist/js/timeline.js` and `dist/css/timeline.css` with the icon font they
 * reference) rendering our TimelineJS export, `dist/timeline.json`, all from
 * one local folder so it makes no request off its origin. TimelineJS would
 * otherwise fetch: its font CSS (`font: "default"` loads
 * `css/fonts/font.default.css`, which pulls Google Fonts) — set `font: null`;
 * files relative to `script_path`, which it guesses from the last script tag
 * and otherwise points at its CDN — set to our `/js/`. English is built in
 * (no locale fetch); no analytics id, no Soundcite, and our events have no
 * media, so no embeds load.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

/** The installed package's `dist/` folder. */
export function timelineJsDist(root: string): string {
  const require = createRequire(resolve(root, 'package.json'));
  const pkg = require.resolve('@knight-lab/timelinejs/package.json');
  const dist = join(dirname(pkg), 'dist');
  if (!existsSync(join(dist, 'js', 'timeline.js')) || !existsSync(join(dist, 'css', 'timeline.css'))) {
    throw new Error(`@knight-lab/timelinejs has no dist/js/timeline.js or dist/css/timeline.css in ${dist}: npm install`);
  }
  return dist;
}

export function timelineJsVersion(root: string): string {
  const require = createRequire(resolve(root, 'package.json'));
  return (require('@knight-lab/timelinejs/package.json') as { version: string }).version;
}

/** The performance mark set when TimelineJS fires `ready`. */
export const READY_MARK = 'timeline-ready';

/** The options we pass to `new TL.Timeline()`: nothing that loads from elsewhere. */
export const TIMELINE_OPTIONS = { font: null, script_path: '/js/', language: 'en', ga_measurement_id: null, ga_property_id: null, soundcite: false };

/**
 * The page a careful integrator would write: a `<main>` landmark around the
 * container (TimelineJS makes the container itself a `region`) and an empty
 * icon, so no favicon 404 lands in the console; everything else is TimelineJS's.
 */
export function timelineJsPage(title: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} · TimelineJS</title>
    <meta name="description" content="${escape(title)}: the same events in TimelineJS 3, for comparison." />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/css/timeline.css" />
    <style>html, body, main { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
  </head>
  <body>
    <main><div id="timeline"></div></main>
    <script src="/js/timeline.js" id="timeline-script-tag"></script>
    <script src="/start.js"></script>
  </body>
</html>
`;
}

/** Writes the page into `out` (replaced) and returns the folder. */
export function makeTimelineJsPage(root: string, siteDist: string, out: string): string {
  const tl = timelineJsDist(root);
  const data = JSON.parse(readFileSync(join(siteDist, 'timeline.json'), 'utf8')) as { title?: { text?: { headline?: string } }; events: unknown[] };
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'js'), { recursive: true });
  mkdirSync(join(out, 'css'), { recursive: true });
  cpSync(join(tl, 'js', 'timeline.js'), join(out, 'js', 'timeline.js'));
  cpSync(join(tl, 'css', 'timeline.css'), join(out, 'css', 'timeline.css'));
  cpSync(join(tl, 'css', 'icons'), join(out, 'css', 'icons'), { recursive: true });
  cpSync(join(siteDist, 'timeline.json'), join(out, 'timeline.json'));
  writeFileSync(join(out, 'index.html'), timelineJsPage(data.title?.text?.headline ?? 'Timeline'));
  // The data by URL, as TimelineJS embeds load it; a mark when the timeline is laid out (its `ready` event).
  writeFileSync(
    join(out, 'start.js'),
    `window.timeline = new TL.Timeline('timeline', '/timeline.json', ${JSON.stringify(TIMELINE_OPTIONS)});\nwindow.timeline.on('ready', () => performance.mark('${READY_MARK}'));\n`,
  );
  writeFileSync(join(out, '404.html'), '<!doctype html><title>Not found</title><h1>Not found</h1>\n');
  return out;
}
