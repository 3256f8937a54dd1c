// The agency list: typing filters the rows by name, the names an agency published under, its
// region or its pinyin (the address); what is typed lives in the address (?q=…). Without
// JavaScript the form stays hidden and the whole list is shown.
(function () {
  'use strict';
  var form = document.getElementById('agency-filter');
  var input = document.getElementById('agency-filter-text');
  var summary = document.getElementById('agency-filter-summary');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#agency-table tbody tr'));
  if (!form || !input) return;
  form.hidden = false;

  function render() {
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = (row.getAttribute('data-filter') || '').toLowerCase();
      var keep = words.every(function (word) { return text.indexOf(word) >= 0; });
      row.hidden = !keep;
      if (keep) shown++;
    });
    summary.textContent = words.length ? '显示 ' + shown + ' 个机构，共 ' + rows.length + ' 个。' : '';
  }

  input.value = new URLSearchParams(window.location.search).get('q') || '';
  input.addEventListener('input', function () {
    var query = input.value.trim();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?q=' + encodeURIComponent(query) : ''));
    render();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  render();
})();
