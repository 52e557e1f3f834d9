/** The content folder the site is built from: `content/`, or `TIMELINE_CONTENT` (the benchmark points it at its corpus). */
export const CONTENT_DIR = process.env.TIMELINE_CONTENT ?? 'content';
