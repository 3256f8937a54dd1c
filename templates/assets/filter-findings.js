// The findings page: the rule, agency and year chosen filter the table; the choice lives in the
// address (?rule=…&agency=…&year=…). Without JavaScript the whole table is shown.
(function () {
  'use strict';
  var form = document.getElementById('findings-form');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
  var summary = document.getElementById('findings-summary');
  var fields = ['rule', 'agency', 'year'];
  // The form works only with this script: without it the page shows the whole table and says so.
  form.hidden = false;

  function render() {
    var chosen = {};
    fields.forEach(function (name) { chosen[name] = form.elements[name].value; });
    var shown = 0;
    rows.forEach(function (row) {
      var keep = fields.every(function (name) { return !chosen[name] || row.dataset[name] === chosen[name]; });
      row.hidden = !keep;
      if (keep) shown++;
    });
    summary.textContent = '显示 ' + shown + ' 处，共 ' + rows.length + ' 处。';
  }

  var params = new URLSearchParams(window.location.search);
  fields.forEach(function (name) { if (params.get(name)) form.elements[name].value = params.get(name); });
  form.addEventListener('change', function () {
    var next = new URLSearchParams();
    fields.forEach(function (name) { if (form.elements[name].value) next.set(name, form.elements[name].value); });
    var query = next.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    render();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); render(); });
  render();
})();
