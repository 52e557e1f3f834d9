/**
 * Search, loaded on first use: Pagefind's Component UI (the copy Pagefind
 * writes into `dist/pagefind/`, same origin), set up as a dialog in the header
 * or inline on /search/. Results show title, kind, date and outlet; event
 * results open the event page, article results the matching sentence. The
 * query and sort order live in the URL (`?q=…&sort=…`), so a search can be
 * shared and reloaded.
 */

const BUNDLE = `${import.meta.env.BASE_URL}pagefind/`;
/**
 * Where the components load the engine from: Pagefind's, over the index
 * shards, with filter counts kept off the typing path (search-engine.ts,
 * written there by scripts/pagefind.ts).
 */
const ENGINE = `${import.meta.env.BASE_URL}search-engine/`;

interface Anchor {
  element: string;
  id: string;
  location?: number;
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  locations?: number[];
  anchors?: Anchor[];
}

interface Instance {
  searchTerm: string;
  searchSort: Record<string, string>;
  triggerSearch(term: string): void;
  /** Loads Pagefind's engine, WebAssembly and index metadata ahead of the first query. */
  triggerLoad(): Promise<void>;
  on(event: 'search' | 'results' | 'loading', callback: (...args: unknown[]) => void): void;
}

interface InputElement extends PagefindElement {
  debounce: number;
}

interface PagefindElement extends HTMLElement {
  instance: Instance | null;
}

interface ModalElement extends PagefindElement {
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

interface ResultsElement extends PagefindElement {
  resultTemplate: ((result: ResultData) => Element) | null;
  maxResults: number;
}

/**
 * How long the input waits after a keystroke before searching. Pagefind's
 * default (300 ms in the dialog) was most of the time to the first result;
 * its engine answers in tens of milliseconds, and a search overtaken by the
 * next keystroke is dropped, so a short wait costs little while typing.
 * (Pagefind reads 0 as "unset": 1 is the least.) Measured with
 * `npm run bench`: see the commit that set it.
 */
const DEBOUNCE_MS = 1;
/**
 * Results rendered at first. Pagefind renders a placeholder for every hit
 * (hundreds, in an archive) and loads each one's data as it scrolls into
 * view; a short list shows sooner. "More results" adds as many again.
 */
const PAGE_SIZE = 20;

declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): Instance } };
  }
}

let assets: Promise<void> | undefined;

/** Pagefind's Component UI stylesheet and script, added once. */
function loadAssets(): Promise<void> {
  assets ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-component-ui.js`;
    script.addEventListener('load', () => {
      // Before any component loads the engine: Pagefind's documented setting of where it is.
      document.body.append(h('pagefind-config', { 'bundle-path': ENGINE }));
      resolve();
    });
    script.addEventListener('error', () => {
      assets = undefined;
      reject(new Error(`Could not load ${script.src}`));
    });
    document.head.append(script);
  });
  return assets;
}

function h(tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Where an article result should land: the sentence holding the first match. */
function landing(result: ResultData): string {
  if (result.meta.kind !== 'article') return result.url;
  const first = Math.min(...(result.locations ?? [Infinity]));
  let best: Anchor | undefined;
  for (const anchor of [...(result.anchors ?? [])].sort((a, b) => (a.location ?? 0) - (b.location ?? 0))) {
    if (!anchor.id.startsWith('s-') || (anchor.location ?? Infinity) > first) continue;
    best = anchor;
  }
  return best ? `${result.url}#${best.id}` : result.url;
}

function resultTemplate(result: ResultData): Element {
  const kind = result.meta.kind === 'article' ? 'Article' : 'Event';
  const excerpt = h('p', { class: 'pf-result-excerpt' });
  // Pagefind's excerpt: the page's own text, escaped, with <mark> around matches.
  excerpt.innerHTML = result.excerpt;
  const details = [result.meta.date, result.meta.outlet].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'pf-result' },
    h(
      'div',
      { class: 'pf-result-card' },
      h(
        'div',
        { class: 'pf-result-content' },
        h('p', { class: 'pf-result-title' }, h('a', { class: 'pf-result-link', href: landing(result) }, result.meta.title ?? result.url)),
        h('p', { class: 'result-meta' }, h('span', { class: 'result-kind' }, kind), details),
        excerpt,
      ),
    ),
  );
}

/** How long after the last search the URL's `?q=` follows it. */
const URL_DELAY_MS = 300;

const PLACEHOLDER = 'Search events and articles';

const SORTS: Array<[string, string]> = [
  ['', 'Best match'],
  ['date:desc', 'Newest first'],
  ['date:asc', 'Oldest first'],
];

function sortControl(): HTMLElement {
  const select = h('select', { 'data-search-sort': '' }, ...SORTS.map(([value, label]) => h('option', { value }, label))) as HTMLSelectElement;
  select.value = new URLSearchParams(location.search).get('sort') ?? '';
  if (select.selectedIndex < 0) select.value = '';
  return h('label', {}, 'Sort', select);
}

/** Filters by kind, outlet and person, and the sort order. */
function searchTools(): HTMLElement {
  return h(
    'div',
    { class: 'search-tools' },
    h('pagefind-filter-dropdown', { filter: 'kind', label: 'Kind' }),
    h('pagefind-filter-dropdown', { filter: 'outlet', label: 'Outlet' }),
    h('pagefind-filter-dropdown', { filter: 'person', label: 'Person', sort: 'alphabetical' }),
    sortControl(),
  );
}

function setParam(name: string, value: string | undefined): void {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  if (url.href !== location.href) history.replaceState(history.state, '', url.href);
}

function instance(): Instance {
  const components = window.PagefindComponents;
  if (!components) throw new Error('Pagefind Component UI did not start');
  return components.getInstanceManager().getInstance('default');
}

/**
 * Pagefind's filter dropdowns are buttons with role=combobox, which take no
 * name from their text: give each its label (again whenever they re-render).
 */
function nameDropdowns(root: HTMLElement): void {
  for (const dropdown of root.querySelectorAll('pagefind-filter-dropdown')) {
    const trigger = dropdown.querySelector('button.pf-dropdown-trigger');
    const label = dropdown.getAttribute('label');
    if (trigger && label) trigger.setAttribute('aria-label', `Filter by ${label.toLowerCase()}`);
  }
}

/** Wires the shared behaviour once the components are in the page. */
function wire(root: HTMLElement, search: Instance): void {
  nameDropdowns(root);
  new MutationObserver(() => nameDropdowns(root)).observe(root, { childList: true, subtree: true });
  const select = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const applySort = () => {
    const [key, direction] = select.value.split(':');
    search.searchSort = key && direction ? { [key]: direction } : {};
  };
  applySort();
  select.addEventListener('change', () => {
    applySort();
    setParam('sort', select.value || undefined);
    if (search.searchTerm) search.triggerSearch(search.searchTerm);
  });
  // The URL follows the query once typing pauses: replacing the history entry costs the page a
  // few milliseconds, which each keystroke's search would wait for.
  let pending: number | undefined;
  let query: string | undefined;
  const writeQuery = () => {
    clearTimeout(pending);
    pending = undefined;
    setParam('q', query);
  };
  search.on('search', (term) => {
    query = typeof term === 'string' && term ? term : undefined;
    clearTimeout(pending);
    pending = window.setTimeout(writeQuery, URL_DELAY_MS);
  });
  // Leaving the page (Enter on a result, a click) before the wait is over: the URL gets the query
  // first, so Back comes to this search.
  const leaving = () => {
    if (pending !== undefined) writeQuery();
  };
  root.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a[href]')) leaving();
  });
  window.addEventListener('pagehide', leaving);
  root.querySelector('dialog')?.addEventListener('close', () => {
    clearTimeout(pending);
    pending = undefined;
  });
  // Enter in the box opens the highlighted result, or the first.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement) || !event.target.matches('.pf-input')) return;
    const link = root.querySelector<HTMLAnchorElement>('a[data-pf-selected]') ?? root.querySelector<HTMLAnchorElement>('.pf-result-link');
    if (link) {
      event.preventDefault();
      leaving();
      location.assign(link.href);
    }
  });
}

/** Our settings on Pagefind's input and results elements (attribute and property, whichever it reads). */
function tune(root: HTMLElement): void {
  for (const input of root.querySelectorAll<InputElement>('pagefind-input')) {
    input.setAttribute('debounce', String(DEBOUNCE_MS));
    input.debounce = DEBOUNCE_MS;
  }
  for (const results of root.querySelectorAll<ResultsElement>('pagefind-results')) {
    results.resultTemplate = resultTemplate;
    results.setAttribute('hide-sub-results', '');
    results.setAttribute('max-results', String(PAGE_SIZE));
    results.maxResults = PAGE_SIZE;
  }
}

/**
 * Below the results: how many there are, and a button that shows more (the
 * same search again with a longer list; Pagefind keeps what it loaded).
 */
function moreResults(root: HTMLElement, search: Instance): void {
  const results = root.querySelector<ResultsElement>('pagefind-results');
  if (!results) return;
  const button = h('button', { type: 'button', class: 'search-more-button' }, 'More results') as HTMLButtonElement;
  const status = h('span', {});
  const bar = h('p', { class: 'search-more', hidden: '' }, status, button);
  results.after(bar);
  // After "More results": the first newly shown result, to scroll to and focus once it has loaded.
  let pending: number | undefined;
  search.on('loading', () => (bar.hidden = true));
  search.on('results', (found) => {
    const total = (found as { results?: unknown[] } | undefined)?.results?.length ?? 0;
    const shown = Math.min(total, results.maxResults || total);
    bar.hidden = !search.searchTerm || total <= shown;
    status.textContent = `Showing ${shown} of ${total} results. `;
    if (pending === undefined) return;
    const index = pending;
    pending = undefined;
    let frames = 0;
    const focusNew = () => {
      const item = results.querySelector<HTMLElement>(`[data-pf-result-index="${index}"]`);
      const link = item?.querySelector<HTMLAnchorElement>('.pf-result-link');
      if (link) link.focus();
      else if (item && frames++ < 120) {
        // In view, Pagefind loads its data.
        if (frames === 1) item.scrollIntoView({ block: 'nearest' });
        requestAnimationFrame(focusNew);
      }
    };
    requestAnimationFrame(focusNew);
  });
  button.addEventListener('click', () => {
    pending = results.maxResults;
    results.maxResults += PAGE_SIZE;
    results.setAttribute('max-results', String(results.maxResults));
    search.triggerSearch(search.searchTerm);
  });
}

let modal: ModalElement | undefined;

export async function openModal(query?: string | null): Promise<void> {
  await loadAssets();
  if (!modal) {
    // Pagefind's modal builds its own header, body and footer; ours are added
    // to that structure rather than passed in (moving connected components
    // would set them up twice).
    modal = h('pagefind-modal') as ModalElement;
    document.body.append(modal);
    modal.querySelector('pagefind-modal-header')?.after(searchTools());
    modal.querySelector('pagefind-input')?.setAttribute('placeholder', PLACEHOLDER);
    tune(modal);
    const search = instance();
    wire(modal, search);
    moreResults(modal, search);
    // Closing the dialog ends the search: the URL no longer reopens it.
    modal.querySelector('dialog')?.addEventListener('close', () => {
      setParam('q', undefined);
      setParam('sort', undefined);
    });
  }
  // Fetch the engine and index metadata now, while the reader starts typing.
  void instance().triggerLoad();
  if (query) instance().triggerSearch(query);
  modal.open();
  if (query) setParam('q', query);
}

let inline: HTMLElement | undefined;

export async function mountInline(container: HTMLElement, query?: string | null): Promise<void> {
  await loadAssets();
  const mount = container.querySelector<HTMLElement>('[data-search-mount]') ?? container;
  if (!inline) {
    const results = h('pagefind-results', { 'hide-sub-results': '', 'max-results': String(PAGE_SIZE) }) as ResultsElement;
    results.resultTemplate = resultTemplate;
    const input = h('pagefind-input', { placeholder: PLACEHOLDER, debounce: String(DEBOUNCE_MS) });
    inline = h('div', { class: 'search-inline' }, input, searchTools(), h('pagefind-summary'), results);
    mount.append(inline);
    tune(inline);
    const search = instance();
    wire(inline, search);
    moreResults(inline, search);
    void search.triggerLoad();
    if (query) search.triggerSearch(query);
  }
  inline.querySelector<HTMLInputElement>('input.pf-input')?.focus();
}
