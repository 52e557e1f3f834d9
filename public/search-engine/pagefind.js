// @ts-check
/**
 * Pagefind's engine as the header search uses it: Pagefind's own
 * `pagefind.js` (next door, in `/pagefind/`), with filter counts kept off
 * the typing path. Pagefind's Component UI loads it from here
 * (`<pagefind-config bundle-path="/search-engine/">`, set by search-ui.ts).
 *
 * Why: once an instance has loaded the filter chunks, every search also
 * counts, for each filter value, the matching pages that carry it, and
 * Pagefind 1.6 does that with a linear scan of the results per page
 * (`get_filters` in pagefind_web), so the cost grows with the square of the
 * archive: about 300 ms of a 350 ms search at 5,000 articles. Here a search
 * without filters goes to an instance that never loads them; the filter
 * values and their archive-wide counts, and searches with a filter chosen,
 * go to a second instance. Both share Pagefind's web worker.
 */
import * as pagefind from '../pagefind/pagefind.js';

/** @param {{ filters?: Record<string, unknown> } | undefined} options */
function isFiltered(options) {
  return Object.values(options?.filters ?? {}).some((value) =>
    Array.isArray(value) ? value.length > 0 : value !== null && typeof value === 'object' ? Object.keys(value).length > 0 : Boolean(value),
  );
}

/** @param {Record<string, unknown>} [instanceOptions] */
export function createInstance(instanceOptions = {}) {
  const typing = pagefind.createInstance(instanceOptions);
  const facets = pagefind.createInstance(instanceOptions);
  /** @type {Promise<Record<string, Record<string, number>>> | undefined} */
  let totals;
  const filters = () => (totals ??= facets.filters());
  /** @param {string | null} term @param {any} [options] */
  const search = async (term, options = {}) => {
    // Filtering, or listing by filter alone: the faceted instance, with counts within the results.
    if (term === null || isFiltered(options)) return facets.search(term, options);
    const [found, all] = await Promise.all([typing.search(term, options), filters()]);
    // The counts beside each filter value are the archive's until a filter is chosen.
    return { ...found, filters: all, totalFilters: all };
  };
  return {
    /** @param {Record<string, unknown>} options */
    options: async (options) => {
      await Promise.all([typing.options(options), facets.options(options)]);
    },
    init: async () => {
      await Promise.all([typing.init(), facets.init()]);
    },
    destroy: async () => {
      await Promise.all([typing.destroy(), facets.destroy()]);
    },
    /** @param {string} url @param {Record<string, unknown>} [options] */
    mergeIndex: async (url, options = {}) => {
      await Promise.all([typing.mergeIndex(url, options), facets.mergeIndex(url, options)]);
    },
    filters,
    search,
    /** @param {string} term @param {any} [options] */
    preload: (term, options = {}) => (isFiltered(options) ? facets : typing).preload(term, options),
    /** @param {string} term @param {any} [options] @param {number} [debounceMs] */
    debouncedSearch: async (term, options = {}, debounceMs = 300) => {
      const found = await (isFiltered(options) ? facets : typing).debouncedSearch(term, options, debounceMs);
      if (found === null || isFiltered(options)) return found;
      const all = await filters();
      return { ...found, filters: all, totalFilters: all };
    },
  };
}
