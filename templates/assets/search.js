// Pagefind's search box, served from this site (no request leaves it).
window.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var element = document.getElementById('search');
  if (!window.PagefindUI || !element) return;
  // The index is in parts (see src/build/search-index.ts): part 0 here, the others merged in.
  var parts = Number(element.getAttribute('data-index-parts')) || 1;
  // The site may be under a path of its own (GONGKAI_SITE_URL): the parts are too.
  var base = document.documentElement.getAttribute('data-base') || '/';
  var merged = [];
  for (var n = 1; n < parts; n++) merged.push({ bundlePath: base + 'pagefind/part-' + n + '/' });

  // The index has every Chinese character as a word of its own, with the punctuation that touches
  // it (src/build/search-copy.ts): the query is written the same way, and a query of one run of
  // text is asked for as a phrase, the characters in that order, so that it finds exactly the
  // pages that contain it (Pagefind takes the punctuation out of the words on both sides).
  var marks = '[\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65]';
  var ideograph = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
  var cjkWord = new RegExp(marks + '*' + ideograph + marks + '*', 'g');
  var hasIdeograph = new RegExp(ideograph);
  function processTerm(term) {
    var text = term.trim();
    if (!hasIdeograph.test(text)) return text;
    var quoted = /^".*"$/.test(text);
    var bare = quoted ? text.slice(1, -1) : text;
    var spaced = bare.replace(cjkWord, ' $& ').replace(/\s+/g, ' ').trim();
    return quoted || !/\s/.test(bare) ? '"' + spaced + '"' : spaced;
  }
  // What the index gives back has a space between any two words: out go those after a character
  // or a mark and those before one (a highlight may close after it or open before it).
  var spacedAfter = new RegExp('(' + ideograph + '|' + marks + ')((?:</mark>)?) ', 'g');
  var spacedBefore = new RegExp(' ((?:<mark>)?)(?=' + ideograph + '|' + marks + ')', 'g');
  function unspace(text) {
    return typeof text === 'string' ? text.replace(spacedAfter, '$1$2').replace(spacedBefore, '$1') : text;
  }
  function processResult(result) {
    // The title is the page's own (its meta in the head, never spaced): the agency, and the year of a report.
    result.excerpt = unspace(result.excerpt);
    (result.sub_results || []).forEach(function (sub) {
      sub.title = unspace(sub.title);
      sub.excerpt = unspace(sub.excerpt);
    });
    return result;
  }

  var ui = new window.PagefindUI({
    element: '#search',
    mergeIndex: merged,
    showSubResults: true,
    showImages: false,
    processTerm: processTerm,
    processResult: processResult,
    // The messages leave the term out: Pagefind would show it as the index reads it (spaced, quoted).
    translations: {
      placeholder: '输入机构名称或报告中的词句（机构名称也可用拼音）',
      zero_results: '没有找到含有这些字的页面',
      one_result: '找到 1 个页面',
      many_results: '找到 [COUNT] 个页面',
    },
  });
  // A search sent from another page's form (/search/?q=…), or a shared address, is run at once.
  var term = new URLSearchParams(window.location.search).get('q');
  if (term && term.trim()) ui.triggerSearch(term.trim());
});
