// Pagefind's search box, served from this site (no request leaves it).
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var element = document.getElementById('search');
  if (!window.PagefindUI || !element) return;
  // The index is in parts (see src/build/search-index.ts): part 0 here, the others merged in.
  var parts = Number(element.getAttribute('data-index-parts')) || 1;
  var merged = [];
  for (var n = 1; n < parts; n++) merged.push({ bundlePath: '/pagefind/part-' + n + '/' });
  var ui = new window.PagefindUI({
    element: '#search',
    mergeIndex: merged,
    showSubResults: true,
    showImages: false,
    translations: { placeholder: '输入机构名称或关键词', zero_results: '没有找到“[SEARCH_TERM]”' },
  });
  // A search sent from another page's form (/search/?q=…), or a shared address, is run at once.
  var term = new URLSearchParams(window.location.search).get('q');
  if (term && term.trim()) ui.triggerSearch(term.trim());
});
