// Makes tables with class tp-table--sortable sortable by their column headers (data-sort="text"
// or "number"). Without JavaScript the table stays in its original order.
(function () {
  'use strict';
  function value(row, index, type) {
    var cell = row.cells[index];
    if (type === 'number') {
      if (!cell || cell.classList.contains('tp-table__cell--blank')) return -Infinity;
      var given = cell.getAttribute('data-value');
      return Number(given !== null ? given : cell.textContent.replace(/,/g, ''));
    }
    return cell ? cell.textContent.trim() : '';
  }

  document.querySelectorAll('table.tp-table--sortable').forEach(function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, index) {
      var type = header.getAttribute('data-sort');
      if (!type) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'tp-sort';
      button.textContent = header.textContent;
      header.textContent = '';
      header.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, index, type);
          var y = value(b, index, type);
          var order = type === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
