/**
 * The report tables' rows and cells, and the list of where the rows are in the original, are
 * written by filters (src/site/table-cells-html.ts) instead of Nunjucks loops. They must write what
 * the loops wrote, byte for byte, and escape as Nunjucks does: checked here against the loops
 * themselves, rendered by Nunjucks (Eleventy's template engine) with autoescape on, for every
 * kind of cell and for text a hostile report could put in a cell.
 */
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { escapeHtml, layoutCells, layoutPlaces, layoutRows } from '../src/site/table-cells-html.ts';
import type { LayoutCell } from '../src/site/table-layouts.ts';

/** The loop the templates had (with the title only where the original printed something else than the number). */
const LOOP = `{% for cell in row %}
      {%- if cell.header -%}
        <th scope="{{ cell.scope }}"{% if cell.colspan %} colspan="{{ cell.colspan }}"{% endif %}{% if cell.rowspan %} rowspan="{{ cell.rowspan }}"{% endif %}>{{ cell.text }}</th>
      {%- elif cell.value === null -%}
        <td class="tp-table__cell--blank{% if cell.mark %} tp-cell--marked{% endif %}"{% if cell.id %} id="{{ cell.id }}"{% endif %}{% if cell.sourceText %} title="{% if cell.place %}{{ cell.place }}：{% endif %}空白（“{{ cell.sourceText }}”不是数字）"{% endif %}><span class="tp-visually-hidden">空白</span>{% if cell.mark %}<a class="tp-mark" href="#finding-{{ cell.mark }}">问题{{ cell.mark }}</a>{% endif %}</td>
      {%- else -%}
        <td{% if cell.mark %} class="tp-cell--marked"{% endif %}{% if cell.id %} id="{{ cell.id }}"{% endif %}{% if cell.sourceText %} title="{% if cell.place %}{{ cell.place }}：{% endif %}原文作“{{ cell.sourceText }}”"{% endif %}>{{ cell.text }}{% if cell.mark %}<a class="tp-mark" href="#finding-{{ cell.mark }}">问题{{ cell.mark }}</a>{% endif %}</td>
      {%- endif -%}
    {% endfor %}`;

const HOSTILE = `<script>alert("x")</script> & 'q' \\ “引号”`;

const ROWS: LayoutCell[][] = [
  [
    { text: '三、本年度办理结果', header: true, scope: 'rowgroup', rowspan: 20 },
    { text: '（一）予以公开', header: true, scope: 'row', colspan: 2 },
    { text: '1,234', header: false, value: 1234, place: '原文第108行', sourceText: null },
    { text: '', header: false, value: null, place: '原文第109行', sourceText: '' },
    { text: '', header: false, value: null, place: '原文第2张表第6行第4列', sourceText: '—', mark: 2, id: 'cell-applications-a' },
    { text: '5', header: false, value: 5, place: '原文第110行', sourceText: '5①', mark: 1, id: 'cell-applications-b' },
    { text: '0', header: false, value: 0, place: null, sourceText: null },
    { text: '3', header: false, value: 3, place: null, sourceText: '３' },
    { text: '', header: false, value: null, place: null },
  ],
  [
    { text: HOSTILE, header: true, scope: 'col' },
    { text: HOSTILE, header: false, value: 7, place: HOSTILE, sourceText: HOSTILE, mark: 3, id: HOSTILE },
    { text: '', header: false, value: null, place: HOSTILE, sourceText: HOSTILE, id: HOSTILE },
  ],
];

describe('the layoutCells filter', () => {
  const env = new nunjucks.Environment(null, { autoescape: true });

  it('writes every kind of cell as the Nunjucks loop did, byte for byte', () => {
    for (const row of ROWS) expect(layoutCells(row)).toBe(env.renderString(LOOP, { row }));
  });

  it('gives a cell a title only where the original printed something else than its number', () => {
    const [, , plain, blank, blankDash, printed, , full] = ROWS[0]!;
    expect(layoutCells([plain!])).toBe('<td>1,234</td>');
    expect(layoutCells([blank!])).toBe('<td class="tp-table__cell--blank"><span class="tp-visually-hidden">空白</span></td>');
    expect(layoutCells([blankDash!])).toContain(' title="原文第2张表第6行第4列：空白（“—”不是数字）"');
    expect(layoutCells([printed!])).toContain(' title="原文第110行：原文作“5①”"');
    expect(layoutCells([full!])).toBe('<td title="原文作“３”">3</td>');
  });

  it('escapes what a report could put into a cell, as Nunjucks escapes it', () => {
    expect(escapeHtml(HOSTILE)).toBe(env.renderString('{{ text }}', { text: HOSTILE }));
    expect(layoutCells(ROWS[1]!)).not.toContain('<script>');
  });
});

/** The loops over a table's rows and over its places, as macros.njk had them (each row's cells by the filter above). */
const ROWS_LOOP = `<thead>
  {%- for row in rows %}
    <tr>{{ row | layoutCells | safe }}</tr>
  {%- endfor %}
  </thead>`;
const PLACES_LOOP = `<ul>
  {%- for place in places %}
    <li>{{ place.row }}：{{ place.where if place.where else "原文没有这一行" }}</li>
  {%- endfor %}
  </ul>`;

describe('the layoutRows and layoutPlaces filters', () => {
  const env = new nunjucks.Environment(null, { autoescape: true });
  env.addFilter('layoutCells', layoutCells);

  it('write a table’s rows as the Nunjucks loop did, byte for byte', () => {
    for (const rows of [ROWS, [ROWS[0]!], []]) {
      expect(`<thead>${layoutRows(rows)}\n  </thead>`).toBe(env.renderString(ROWS_LOOP, { rows }));
    }
  });

  it('write where each row is in the original, a row the original lacks said so, escaped as Nunjucks escapes', () => {
    const places = [
      { row: '（一）予以公开', where: '原文第2张表第6行第4–10列' },
      { row: '（二）部分公开', where: null },
      { row: HOSTILE, where: HOSTILE },
      { row: '空', where: '' },
    ];
    expect(`<ul>${layoutPlaces(places)}\n  </ul>`).toBe(env.renderString(PLACES_LOOP, { places }));
    expect(layoutPlaces(places)).not.toContain('<script>');
    expect(layoutPlaces([])).toBe('');
  });
});
