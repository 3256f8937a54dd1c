// Pagefind's search box, served from this site (no request leaves it).
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  if (!window.PagefindUI) return;
  new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    translations: { placeholder: '输入机构名称或关键词', zero_results: '没有找到“[SEARCH_TERM]”' },
  });
});
