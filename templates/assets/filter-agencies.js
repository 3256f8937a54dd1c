// The agency list: typing finds agencies by name, the names an agency published under, its region
// or its pinyin (the address). The list of every agency (/data/site/agencies.json, see
// src/site/site-json.ts) is fetched when the reader first types, not with the page; what is typed
// lives in the address (?q=…). Without JavaScript the form stays hidden and the regions' pages
// list every agency.
(function () {
  'use strict';
  var SHOWN = 200;
  var form = document.getElementById('agency-filter');
  var input = document.getElementById('agency-filter-text');
  var summary = document.getElementById('agency-filter-summary');
  var results = document.getElementById('agency-results');
  var body = document.querySelector('#agency-table tbody');
  if (!form || !input || !body) return;
  var base = document.documentElement.getAttribute('data-base') || '/';
  var index = null;
  var loading = null;
  form.hidden = false;

  function load() {
    if (!loading) {
      loading = fetch(base + 'data/site/agencies.json')
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          index = data.agencies.map(function (agency) {
            var text = [agency.name, (agency.names || []).join(' '), agency.region.join(' '), agency.slug].join(' ').toLowerCase();
            return { agency: agency, text: text };
          });
        })
        .catch(function () {
          loading = null;
          summary.textContent = '机构列表未能载入，请稍后再试，或按地区浏览。';
        });
    }
    return loading;
  }

  function cell(tag, child) {
    var element = document.createElement(tag);
    if (child) element.appendChild(child);
    return element;
  }
  function link(text, href) {
    var element = document.createElement('a');
    element.href = href;
    element.textContent = text;
    return element;
  }

  function render() {
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    body.textContent = '';
    if (!words.length) {
      results.hidden = true;
      summary.textContent = '';
      return;
    }
    if (!index) {
      summary.textContent = '正在载入机构列表……';
      load().then(function () { if (index) render(); });
      return;
    }
    var found = index.filter(function (entry) {
      return words.every(function (word) { return entry.text.indexOf(word) >= 0; });
    });
    found.slice(0, SHOWN).forEach(function (entry) {
      var agency = entry.agency;
      var address = base + 'agencies/' + agency.slug + '/';
      var row = document.createElement('tr');
      var name = cell('th', link(agency.name, address));
      name.scope = 'row';
      row.appendChild(name);
      var region = cell('td');
      region.textContent = agency.region.join(' › ');
      row.appendChild(region);
      var years = cell('td');
      agency.years.forEach(function (year, n) {
        if (n > 0) years.appendChild(document.createTextNode('、'));
        years.appendChild(link(String(year), address + year + '/'));
      });
      row.appendChild(years);
      body.appendChild(row);
    });
    results.hidden = found.length === 0;
    summary.textContent = found.length === 0 ? '没有找到名称、地区或拼音含有这些字的机构。'
      : found.length > SHOWN ? '找到 ' + found.length + ' 个机构，共 ' + index.length + ' 个；下表列出前 ' + SHOWN + ' 个，请输入更多字缩小范围。'
      : '找到 ' + found.length + ' 个机构，共 ' + index.length + ' 个。';
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
