// Draws every chart on the page from the JSON beside its canvas (see templates/_includes/macros.njk
// and src/site/chart-data.ts, which also gives each figure its colour, the same on every page).
// Without JavaScript the tables below the charts carry the same numbers.
(function () {
  'use strict';
  var TEXT = '#0b0c0c';

  // A blank cell is not 0, and a year without a report is not a year of zeros: both are written
  // on the chart where their bar would be ("空", "无报告"), as Chart.js draws nothing for either;
  // and so is a 0, which is a bar of no length.
  var blankMarks = {
    id: 'gongkaiBlanks',
    afterDatasetsDraw: function (chart) {
      var context = chart.ctx;
      var horizontal = chart.options.indexAxis === 'y';
      var stacked = chart.options.scales.x.stacked;
      var missing = chart.config.options.gongkaiMissing || [];
      var valueScale = horizontal ? chart.scales.x : chart.scales.y;
      var zero = valueScale.getPixelForValue(0);
      context.save();
      context.fillStyle = TEXT;
      context.font = '13px sans-serif';
      context.textAlign = horizontal ? 'left' : 'center';
      context.textBaseline = horizontal ? 'middle' : 'bottom';
      var marked = {};
      chart.data.datasets.forEach(function (dataset, datasetIndex) {
        var meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        dataset.data.forEach(function (value, index) {
          var blank = value === null || value === undefined;
          if (!blank && (value !== 0 || stacked)) return;
          var element = meta.data[index];
          if (!element) return;
          var at = horizontal ? element.y : element.x;
          // One mark a category where its bars are stacked or it has no report, else one a bar.
          var key = stacked || missing[index] ? index : index + ':' + datasetIndex;
          if (marked[key]) return;
          marked[key] = true;
          var text = !blank ? '0' : missing[index] ? '无报告' : stacked ? '含空白' : '空';
          if (horizontal) context.fillText(text, zero + 4, at);
          else context.fillText(text, at, zero - 4);
        });
      });
      context.restore();
    },
  };

  function chartOptions(spec) {
    var horizontal = Boolean(spec.horizontal);
    var valueAxis = { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } };
    var categoryAxis = { stacked: spec.stacked, ticks: { autoSkip: false, maxRotation: 0 } };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { position: 'bottom', labels: { color: TEXT, font: { size: 14 } } } },
      gongkaiMissing: spec.missing || [],
    };
  }

  /** The chart's height: a horizontal one grows with its categories, so that none is squeezed. */
  function chartHeight(spec) {
    if (!spec.horizontal) return null;
    var lines = Math.max.apply(null, spec.labels.map(function (label) { return labelLines(label).length; }).concat([1]));
    var perCategory = Math.max(spec.stacked ? 28 : 16 * spec.datasets.length + 12, lines * 18 + 8);
    return Math.max(180, spec.labels.length * perCategory + 90);
  }

  function setDefaults() {
    window.Chart.defaults.color = TEXT;
    window.Chart.defaults.font.size = 14;
    window.Chart.register(blankMarks);
  }

  /** A long name along the vertical axis, in lines of at most eight characters, a year on a line of its own (Chart.js cuts a label that does not fit). */
  function labelLines(label) {
    var lines = [];
    label.split(' ').forEach(function (word) {
      for (var start = 0; start < word.length; start += 8) lines.push(word.slice(start, start + 8));
    });
    return lines;
  }
  function axisLabels(spec) {
    if (!spec.horizontal) return spec.labels;
    return spec.labels.map(function (label) {
      var lines = labelLines(label);
      return lines.length > 1 ? lines : label;
    });
  }

  /** Draws a chart spec (src/site/chart-data.ts' shape) on a canvas; the compare page draws its own with it. */
  window.gongkaiDrawChart = function (canvas, spec) {
    var height = chartHeight(spec);
    if (height) canvas.parentNode.style.height = height + 'px';
    return new window.Chart(canvas, {
      type: spec.type || 'bar',
      data: {
        labels: axisLabels(spec),
        datasets: spec.datasets.map(function (dataset) {
          return { label: dataset.label, data: dataset.data, backgroundColor: dataset.colour };
        }),
      },
      options: chartOptions(spec),
    });
  };

  function draw() {
    if (!window.Chart) return;
    setDefaults();
    document.querySelectorAll('script.tp-chart-data').forEach(function (node) {
      var canvas = document.getElementById(node.getAttribute('data-canvas'));
      if (canvas) window.gongkaiDrawChart(canvas, JSON.parse(node.textContent));
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
