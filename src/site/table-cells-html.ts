/**
 * The rows of a table laid out by table-layouts.ts, and the list of where its rows are in the
 * original, as HTML: the `layoutRows` and `layoutPlaces` filters of the report pages' tables
 * (templates/_includes/macros.njk, layoutTable).
 *
 * Written here rather than by Nunjucks loops: a report page has some four hundred cells in some
 * hundred rows, and Nunjucks sets eight loop variables on every pass of a loop (a fifth of
 * rendering 10,000 report pages went to the cells' loop, a tenth of the rest to the rows'). Every text is escaped as Nunjucks escapes its output (the same five
 * characters and the backslash), and the markup is the one the template wrote, byte for byte
 * (the built site is the same: test/site.test.ts and the build tests compare it).
 */
import type { LayoutCell } from './table-layouts.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
const ESCAPED = /[&"'<>\\]/g;

/** Text as Nunjucks's autoescape writes it. */
export function escapeHtml(text: string): string {
  return text.replace(ESCAPED, (character) => ESCAPES[character]!);
}

const spans = (cell: LayoutCell) => `${cell.colspan ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}`;

/** A header cell: its scope and spans. */
export function headerCell(cell: LayoutCell): string {
  return `<th scope="${escapeHtml(cell.scope ?? '')}"${spans(cell)}>${escapeHtml(cell.text)}</th>`;
}

/**
 * A value cell: its number (a blank is visibly blank, and said so), its finding's mark, and, where
 * the original printed something else than the number (３, 385万元, 5①, a dash in a blank cell),
 * that text and the cell's place as its title. Every cell's place is in the list under its table
 * (layoutPlaces), which touch and keyboard readers see too; a title on each of a page's ~200
 * cells saying it again was a fifth of the page.
 */
function valueCell(cell: LayoutCell): string {
  const blank = cell.value === null;
  const id = cell.id ? ` id="${escapeHtml(cell.id)}"` : '';
  const mark = cell.mark ? `<a class="tp-mark" href="#finding-${cell.mark}">问题${cell.mark}</a>` : '';
  const printed = cell.sourceText ? escapeHtml(cell.sourceText) : '';
  // Most cells print their number as it is: their place is written only with a printed text.
  const place = printed && cell.place ? `${escapeHtml(cell.place)}：` : '';
  if (blank) {
    const title = printed ? ` title="${place}空白（“${printed}”不是数字）"` : '';
    return `<td class="tp-table__cell--blank${cell.mark ? ' tp-cell--marked' : ''}"${id}${title}><span class="tp-visually-hidden">空白</span>${mark}</td>`;
  }
  const title = printed ? ` title="${place}原文作“${printed}”"` : '';
  return `<td${cell.mark ? ' class="tp-cell--marked"' : ''}${id}${title}>${escapeHtml(cell.text)}${mark}</td>`;
}

/** A body row's cells, header cells and value cells, side by side. */
export function layoutCells(row: readonly LayoutCell[]): string {
  let html = '';
  for (const cell of row) html += cell.header ? headerCell(cell) : valueCell(cell);
  return html;
}

/** A table's rows (its head's or its body's), each on a line of its own, as the template's loop wrote them. */
export function layoutRows(rows: ReadonlyArray<readonly LayoutCell[]>): string {
  let html = '';
  for (const row of rows) html += `\n    <tr>${layoutCells(row)}</tr>`;
  return html;
}

/** Where each row of a table is in the original, an item each; a row the original does not have, said so. */
export function layoutPlaces(places: ReadonlyArray<{ row: string; where: string | null }>): string {
  let html = '';
  for (const place of places) html += `\n    <li>${escapeHtml(place.row)}：${escapeHtml(place.where || '原文没有这一行')}</li>`;
  return html;
}
