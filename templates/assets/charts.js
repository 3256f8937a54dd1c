// Draws every chart on the page from the JSON beside its canvas (see templates/_includes/macros.njk).
// Without JavaScript the tables below the charts carry the same numbers.
(function () {
  'use strict';
  var PALETTE = ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92', '#b58840', '#505a5f', '#912b88'];

  window.gongkaiChartOptions = function (stacked) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: stacked },
        y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { legend: { position: 'bottom' } },
    };
  };

  window.gongkaiColour = function (index) {
    return PALETTE[index % PALETTE.length];
  };

  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll('script.tp-chart-data').forEach(function (node) {
      var spec = JSON.parse(node.textContent);
      var canvas = document.getElementById(node.getAttribute('data-canvas'));
      if (!canvas) return;
      new window.Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (dataset, index) {
            return { label: dataset.label, data: dataset.data, backgroundColor: window.gongkaiColour(index) };
          }),
        },
        options: window.gongkaiChartOptions(spec.stacked),
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
