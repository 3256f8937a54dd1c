/**
 * The cells of one body row of a table laid out by table-layouts.ts, as HTML: the `layoutCells`
 * filter of the report pages' tables (templates/_includes/macros.njk, layoutTable).
 *
 * Written here rather than by a Nunjucks loop: a report page has some four hundred cells, and
 * Nunjucks sets eight loop variables on every pass of a loop (a fifth of rendering 10,000 report
 * pages went to it). Every text is escaped as Nunjucks escapes its output (the same five
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

/** A value cell: its number (a blank is visibly blank, and said so), its place in the original as its title, its finding's mark. */
function valueCell(cell: LayoutCell): string {
  const blank = cell.value === null;
  const id = cell.id ? ` id="${escapeHtml(cell.id)}"` : '';
  const mark = cell.mark ? `<a class="tp-mark" href="#finding-${cell.mark}">问题${cell.mark}</a>` : '';
  const printed = cell.sourceText ? escapeHtml(cell.sourceText) : '';
  if (blank) {
    const title = cell.place ? ` title="${escapeHtml(cell.place)}：空白${printed ? `（“${printed}”不是数字）` : ''}"` : '';
    return `<td class="tp-table__cell--blank${cell.mark ? ' tp-cell--marked' : ''}"${id}${title}><span class="tp-visually-hidden">空白</span>${mark}</td>`;
  }
  const title = cell.place ? ` title="${escapeHtml(cell.place)}${printed ? `：原文作“${printed}”` : ''}"` : '';
  return `<td${cell.mark ? ' class="tp-cell--marked"' : ''}${id}${title}>${escapeHtml(cell.text)}${mark}</td>`;
}

/** A body row's cells, header cells and value cells, side by side. */
export function layoutCells(row: readonly LayoutCell[]): string {
  let html = '';
  for (const cell of row) html += cell.header ? headerCell(cell) : valueCell(cell);
  return html;
}
