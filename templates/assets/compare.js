// The compare page: the checked agencies and years filter the table and draw the chart; the
// selection lives in the address (?agency=…&year=…) so that a copied link shows the same view.
(function () {
  'use strict';
  var form = document.getElementById('compare-form');
  var table = document.getElementById('compare-table');
  var figure = document.getElementById('compare-figure');
  var canvas = document.getElementById('compare-chart');
  var summary = document.getElementById('compare-summary');
  var config = JSON.parse(document.getElementById('compare-data').textContent);
  // The form works only with this script: without it the page shows the whole table and says so.
  form.hidden = false;
  // Hundreds of agencies: typing narrows the boxes shown (a box already checked stays shown).
  var agencyFilter = document.getElementById('compare-agency-filter');
  var agencyBoxes = Array.prototype.slice.call(form.querySelectorAll('label.tp-check[data-filter]'));
  agencyFilter.addEventListener('input', function () {
    var words = agencyFilter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    agencyBoxes.forEach(function (label) {
      var text = label.getAttribute('data-filter').toLowerCase();
      label.hidden = !label.querySelector('input').checked && !words.every(function (word) { return text.indexOf(word) >= 0; });
    });
  });
  var metricIndex = {};
  config.metrics.forEach(function (metric, index) { metricIndex[metric.key] = index; });
  var chart = null;

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (input) {
      return input.value;
    });
  }

  function cellNumber(cell) {
    if (cell.classList.contains('tp-table__cell--blank')) return null;
    return Number(cell.textContent.replace(/,/g, ''));
  }

  function render() {
    var agencies = checked('agency');
    var years = checked('year');
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var shown = rows.filter(function (row) {
      var keep = (agencies.length === 0 || agencies.indexOf(row.dataset.agency) >= 0) &&
        (years.length === 0 || years.indexOf(row.dataset.year) >= 0);
      row.hidden = !keep;
      return keep;
    });
    var nothingChosen = agencies.length === 0 && years.length === 0;
    summary.textContent = nothingChosen
      ? '请在上面选择机构或年度。下表列出全部 ' + rows.length + ' 份报告。'
      : '已选 ' + shown.length + ' 份报告。';

    var labels = shown.map(function (row) { return row.cells[0].textContent.trim(); });
    var spec = {
      horizontal: true,
      stacked: false,
      labels: labels,
      missing: [],
      datasets: config.chartMetrics.map(function (key) {
        var metric = config.metrics[metricIndex[key]];
        return {
          label: metric.label,
          colour: config.colours[key],
          data: shown.map(function (row) { return cellNumber(row.cells[metricIndex[key] + 1]); }),
        };
      }),
    };
    figure.hidden = shown.length === 0 || !window.Chart;
    canvas.setAttribute('aria-label', '条形图：' + (labels.join('、') || '无') + '的本年新收申请和各类办理结果。图中“空”表示原文此项空白（不是 0）。数据见下表。');
    if (!window.Chart || shown.length === 0 || !window.gongkaiDrawChart) return;
    if (chart) chart.destroy();
    chart = window.gongkaiDrawChart(canvas, spec);
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var agencies = params.getAll('agency');
    var years = params.getAll('year');
    form.querySelectorAll('input[name="agency"]').forEach(function (input) { input.checked = agencies.indexOf(input.value) >= 0; });
    form.querySelectorAll('input[name="year"]').forEach(function (input) { input.checked = years.indexOf(input.value) >= 0; });
  }

  function toAddress() {
    var params = new URLSearchParams();
    checked('agency').forEach(function (value) { params.append('agency', value); });
    checked('year').forEach(function (value) { params.append('year', value); });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  form.addEventListener('change', function () { toAddress(); render(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); toAddress(); render(); });
  fromAddress();
  render();
})();
