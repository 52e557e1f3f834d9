/**
 * The only script that runs on load. It wires three small things and loads
 * nothing else until the reader asks:
 * - search: `/`, Ctrl/⌘+K or the header control open Pagefind's Component UI
 *   (fetched on first use); `?q=` reopens a shared search;
 * - copy link: the rail's buttons copy an event's permalink;
 * - filters: on a timeline, person/place/outlet chips filter in place and keep
 *   the filter in the URL (`?person=…`), where the links alone open static
 *   filter pages;
 * - clock times: beside a time as the source gives it ("11:00 BST (UTC+01:00)"),
 *   the same instant in the reader's own zone, when that zone differs.
 */

type SearchUi = typeof import('./search-ui.ts');

let ui: Promise<SearchUi> | undefined;
const searchPage = document.querySelector<HTMLElement>('[data-search-page]');

function announce(message: string): void {
  const region = document.querySelector('[data-announce]');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}

function openSearch(query?: string | null): void {
  ui ??= import('./search-ui.ts');
  ui.then((m) => (searchPage ? m.mountInline(searchPage, query) : m.openModal(query))).catch((error: unknown) => {
    ui = undefined;
    announce('Search could not be loaded.');
    console.warn('Search could not be loaded', error);
  });
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) return;
  const modK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (modK || slash) {
    event.preventDefault();
    openSearch();
  }
});

const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
if (trigger && !searchPage) {
  trigger.setAttribute('role', 'button');
  trigger.setAttribute('aria-haspopup', 'dialog');
}

/* Copy link */

async function copyLink(button: HTMLButtonElement): Promise<void> {
  const url = new URL(location.href);
  url.search = '';
  url.hash = button.dataset.anchor ?? '';
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(url.href);
    button.textContent = 'Link copied';
    announce('Link copied to the clipboard');
  } catch {
    // No clipboard (permission refused): put the permalink in the address bar instead.
    history.replaceState(history.state, '', url.href);
    button.textContent = 'Link in address bar';
    announce('The link to this event is now in the address bar');
  }
  setTimeout(() => (button.textContent = label), 2500);
}

/* Filters in place */

const FACETS = ['person', 'place', 'outlet'] as const;
type Facet = (typeof FACETS)[number];
// Only the home page filters in place (it has the status line); filter pages' chips are plain links.
const status = document.querySelector<HTMLElement>('[data-filter-status]');
const timeline = status ? document.querySelector<HTMLElement>('[data-filterable]') : null;

function currentFilter(): { facet: Facet; value: string } | undefined {
  const params = new URLSearchParams(location.search);
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value) return { facet, value };
  }
  return undefined;
}

function applyFilter(): void {
  if (!timeline) return;
  const filter = currentFilter();
  const items = document.querySelectorAll<HTMLElement>('[data-event]');
  let shown = 0;
  for (const item of items) {
    const match = !filter || (item.dataset[filter.facet] ?? '').split(' ').includes(filter.value);
    item.hidden = !match;
    if (match && item.closest('[data-filterable]')) shown++;
  }
  // Innermost groups first, so a section holding only empty groups hides too.
  const groups = [...document.querySelectorAll<HTMLElement>('[data-group]')].reverse();
  for (const group of groups) group.hidden = !group.querySelector('[data-event]:not([hidden])');
  for (const chip of document.querySelectorAll<HTMLAnchorElement>('a[data-filter]')) {
    const active = Boolean(filter && chip.dataset.filter === filter.facet && chip.dataset.value === filter.value);
    if (active) chip.setAttribute('aria-current', 'true');
    else chip.removeAttribute('aria-current');
  }
  if (!status) return;
  status.hidden = !filter;
  if (!filter) return;
  const chip = document.querySelector<HTMLAnchorElement>(`a[data-filter="${filter.facet}"][data-value="${CSS.escape(filter.value)}"]`);
  const name = chip?.firstChild?.textContent ?? filter.value;
  const text = status.querySelector('[data-filter-text]');
  if (text) text.textContent = `${shown} ${shown === 1 ? 'event' : 'events'} with ${name}.`;
  const page = status.querySelector<HTMLAnchorElement>('[data-filter-page]');
  if (page && chip) page.href = chip.href;
}

function setFilter(facet: Facet | undefined, value?: string): void {
  const url = new URL(location.href);
  for (const f of FACETS) url.searchParams.delete(f);
  if (facet && value) url.searchParams.set(facet, value);
  url.hash = '';
  history.pushState(null, '', url.href);
  applyFilter();
  if (timeline) {
    const done = facet ? status?.querySelector('[data-filter-text]')?.textContent ?? '' : 'Showing all events.';
    announce(done);
  }
}

if (timeline) {
  applyFilter();
  addEventListener('popstate', applyFilter);
}

/* One listener for every click the loader handles. */

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.target instanceof Element ? event.target : null;
  const element = target?.closest<HTMLElement>('[data-search-open], button.copy-link, a[data-filter], [data-filter-clear]');
  if (!element) return;
  if (element.matches('[data-search-open]')) {
    event.preventDefault();
    openSearch();
  } else if (element instanceof HTMLButtonElement) {
    void copyLink(element);
  } else if (timeline && element.matches('[data-filter-clear]')) {
    event.preventDefault();
    setFilter(undefined);
  } else if (timeline && element.dataset.filter && element.dataset.value) {
    event.preventDefault();
    setFilter(element.dataset.filter as Facet, element.dataset.value);
    status?.focus();
  }
});

const query = new URLSearchParams(location.search).get('q');
if (query !== null || searchPage) openSearch(query);

export {};

/* Clock times in the reader's terms. */
const hourMinute = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
for (const clock of document.querySelectorAll<HTMLTimeElement>('time.clock[datetime]')) {
  const match = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}([+-])(\d{2}):(\d{2})$/.exec(clock.dateTime);
  if (!match) continue;
  const instant = new Date(clock.dateTime);
  const sourceOffset = (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
  if (Number.isNaN(instant.getTime()) || -instant.getTimezoneOffset() === sourceOffset) continue;
  const localDay = `${instant.getFullYear()}-${String(instant.getMonth() + 1).padStart(2, '0')}-${String(instant.getDate()).padStart(2, '0')}`;
  const local = document.createElement('span');
  local.className = 'local-time';
  local.textContent = ` (${hourMinute.format(instant)}${localDay === match[1] ? '' : ` ${weekday.format(instant)}`} your time)`;
  clock.title = `${clock.textContent ?? ''}, as the source gives it`;
  clock.after(local);
}
