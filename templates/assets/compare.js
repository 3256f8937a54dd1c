// The compare page: the checked agencies and years are fetched, drawn as a chart and listed in the
// table; the selection lives in the address (?agency=…&year=…) so that a copied link shows the
// same view. The page carries no report: it fetches only what the selection needs (see
// src/site/site-json.ts): each chosen agency's file (/data/site/agencies/<slug>.json), or, where
// only years are chosen, each year's (/data/site/years/<year>.json); the list of agencies
// (/data/site/agencies.json) only once the reader types in the agency box.
(function () {
  'use strict';
  var form = document.getElementById('compare-form');
  var table = document.getElementById('compare-table');
  var tableWrapper = document.getElementById('compare-table-wrapper');
  var figure = document.getElementById('compare-figure');
  var canvas = document.getElementById('compare-chart');
  var summary = document.getElementById('compare-summary');
  var agencyFilter = document.getElementById('compare-agency-filter');
  var agencyNote = document.getElementById('compare-agency-note');
  var choices = document.getElementById('compare-agency-choices');
  var config = JSON.parse(document.getElementById('compare-data').textContent);
  var base = document.documentElement.getAttribute('data-base') || '/';
  var SHOWN = 30;
  var numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
  // The form works only with this script: without it the page says where every report is.
  form.hidden = false;
  var chart = null;

  // Each file fetched once a page view.
  var files = {};
  function fetchJson(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ': ' + response.status);
        return response.json();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }
  var agencyFile = function (slug) { return fetchJson('data/site/agencies/' + encodeURIComponent(slug) + '.json'); };
  var yearFile = function (year) { return fetchJson('data/site/years/' + encodeURIComponent(year) + '.json'); };

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (input) {
      return input.value;
    });
  }

  /** A box for an agency; its name comes with the agency's file or the list of agencies. */
  function agencyBox(slug, name, filterText, isChecked) {
    var label = document.createElement('label');
    label.className = 'tp-check';
    label.setAttribute('data-filter', filterText || slug);
    var input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'agency';
    input.value = slug;
    input.checked = isChecked;
    label.appendChild(input);
    var text = document.createElement('span');
    text.textContent = ' ' + name;
    label.appendChild(text);
    choices.appendChild(label);
    return label;
  }

  // Typing narrows the list of every agency to the boxes shown (a box already checked stays).
  var index = null;
  function showMatches() {
    var words = agencyFilter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    Array.prototype.slice.call(choices.querySelectorAll('label')).forEach(function (label) {
      if (!label.querySelector('input').checked) label.remove();
    });
    if (!words.length) {
      agencyNote.textContent = '';
      return;
    }
    if (!index) {
      agencyNote.textContent = '正在载入机构列表……';
      fetchJson('data/site/agencies.json').then(function (data) {
        index = data.agencies.map(function (agency) {
          return { agency: agency, text: [agency.name, (agency.names || []).join(' '), agency.region.join(' '), agency.slug].join(' ').toLowerCase() };
        });
        showMatches();
      }, function () { agencyNote.textContent = '机构列表未能载入，请稍后再试。'; });
      return;
    }
    var chosen = checked('agency');
    var found = index.filter(function (entry) {
      return chosen.indexOf(entry.agency.slug) < 0 && words.every(function (word) { return entry.text.indexOf(word) >= 0; });
    });
    found.slice(0, SHOWN).forEach(function (entry) { agencyBox(entry.agency.slug, entry.agency.name, entry.text, false); });
    agencyNote.textContent = found.length === 0 ? '没有找到名称、地区或拼音含有这些字的机构。'
      : found.length > SHOWN ? '找到 ' + found.length + ' 个机构，下面列出前 ' + SHOWN + ' 个，请输入更多字缩小范围。'
      : '找到 ' + found.length + ' 个机构。';
  }
  agencyFilter.addEventListener('input', showMatches);

  /** The rows of the selection: [{ slug, name, year, values }], newest year first, then by name. */
  function rowsOf(agencies, years) {
    var wanted = function (year) { return years.length === 0 || years.indexOf(String(year)) >= 0; };
    var loads = agencies.length
      ? agencies.map(function (slug) {
        return agencyFile(slug).then(function (data) {
          var label = choices.querySelector('input[value="' + CSS.escape(slug) + '"]');
          if (label) label.nextSibling.textContent = ' ' + data.name;
          return data.reports.filter(function (report) { return wanted(report.year); }).map(function (report) {
            return { slug: data.slug, name: data.name, year: report.year, values: keyed(data.metrics, report.values) };
          });
        }, function () {
          // An address may name an agency the site does not have (any more): said, and left out.
          var label = choices.querySelector('input[value="' + CSS.escape(slug) + '"]');
          if (label) label.nextSibling.textContent = ' ' + slug + '（本站没有这个机构）';
          return [];
        });
      })
      : years.map(function (year) {
        return yearFile(year).then(function (data) {
          return data.reports.map(function (report) {
            return { slug: report.slug, name: report.name, year: data.year, values: keyed(data.metrics, report.values) };
          });
        }, function () { return []; });
      });
    return Promise.all(loads).then(function (lists) {
      var rows = [].concat.apply([], lists);
      rows.sort(function (a, b) { return b.year - a.year || a.name.localeCompare(b.name, 'zh-CN'); });
      return rows;
    });
  }
  function keyed(keys, values) {
    var result = {};
    keys.forEach(function (key, n) { result[key] = values[n]; });
    return result;
  }

  function numberCell(value) {
    var cell = document.createElement('td');
    cell.className = 'tp-table__cell--numeric';
    if (value === null || value === undefined) {
      // A blank stays blank, never 0.
      cell.classList.add('tp-table__cell--blank');
      var hidden = document.createElement('span');
      hidden.className = 'tp-visually-hidden';
      hidden.textContent = '空白';
      cell.appendChild(hidden);
    } else {
      cell.textContent = numberFormat.format(value);
    }
    return cell;
  }

  var latest = 0;
  function render() {
    var agencies = checked('agency');
    var years = checked('year');
    var body = table.tBodies[0];
    var ticket = ++latest;
    if (agencies.length === 0 && years.length === 0) {
      body.textContent = '';
      tableWrapper.hidden = true;
      figure.hidden = true;
      summary.textContent = '请在上面选择机构或年度。';
      return;
    }
    summary.textContent = '正在载入……';
    rowsOf(agencies, years).then(function (rows) {
      if (ticket !== latest) return;
      body.textContent = '';
      rows.forEach(function (row) {
        var tr = document.createElement('tr');
        tr.dataset.agency = row.slug;
        tr.dataset.year = String(row.year);
        var header = document.createElement('th');
        header.scope = 'row';
        var link = document.createElement('a');
        link.href = base + 'agencies/' + row.slug + '/' + row.year + '/';
        link.textContent = row.name + ' ' + row.year + '年';
        header.appendChild(link);
        tr.appendChild(header);
        config.metrics.forEach(function (metric) { tr.appendChild(numberCell(row.values[metric.key])); });
        body.appendChild(tr);
      });
      tableWrapper.hidden = rows.length === 0;
      summary.textContent = '已选 ' + rows.length + ' 份报告。';
      draw(rows);
    }, function () {
      if (ticket !== latest) return;
      summary.textContent = '所选数据未能载入，请稍后再试。';
    });
  }

  // A bar a report: beyond this many the chart would be taller than a canvas can be, and unreadable.
  var CHART_ROWS = 100;

  function draw(rows) {
    if (chart) {
      chart.destroy();
      chart = null;
    }
    if (rows.length > CHART_ROWS) {
      figure.hidden = true;
      summary.textContent += '超过 ' + CHART_ROWS + ' 份报告时不画图，数字见下表；少选几个机构或年度即可看图。';
      return;
    }
    var labels = rows.map(function (row) { return row.name + ' ' + row.year + '年'; });
    var metricByKey = {};
    config.metrics.forEach(function (metric) { metricByKey[metric.key] = metric; });
    var spec = {
      horizontal: true,
      stacked: false,
      labels: labels,
      missing: [],
      datasets: config.chartMetrics.map(function (key) {
        return {
          label: metricByKey[key].label,
          colour: config.colours[key],
          data: rows.map(function (row) { return row.values[key] === undefined ? null : row.values[key]; }),
        };
      }),
    };
    figure.hidden = rows.length === 0 || !window.Chart;
    canvas.setAttribute('aria-label', '条形图：' + (labels.join('、') || '无') + '的本年新收申请和各类办理结果。图中“空”表示原文此项空白（不是 0）。数据见下表。');
    if (!window.Chart || rows.length === 0 || !window.gongkaiDrawChart) return;
    chart = window.gongkaiDrawChart(canvas, spec);
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var years = params.getAll('year');
    params.getAll('agency').forEach(function (slug) {
      if (!choices.querySelector('input[value="' + CSS.escape(slug) + '"]')) agencyBox(slug, slug, slug, true);
    });
    form.querySelectorAll('input[name="year"]').forEach(function (input) { input.checked = years.indexOf(input.value) >= 0; });
  }

  function toAddress() {
    var params = new URLSearchParams();
    checked('agency').forEach(function (value) { params.append('agency', value); });
    checked('year').forEach(function (value) { params.append('year', value); });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  form.addEventListener('change', function (event) {
    if (event.target === agencyFilter) return;
    toAddress();
    render();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); toAddress(); render(); });
  fromAddress();
  render();
})();
