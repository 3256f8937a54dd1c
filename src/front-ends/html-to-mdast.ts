/**
 * Front end for web pages (.html, .htm): a report saved from a government website, usually inside
 * the site's navigation, breadcrumbs and footer, its tables pasted from Word.
 *
 * 1. Find the report's body and title and read what the page states around them (page-parts.ts):
 *    from the page's outline, parsing only the body, where that is sure to give what parsing the
 *    whole page gives; else from the whole page. Positions are the page's, so values trace to
 *    its lines.
 * 2. Unwrap layout tables (a table whose cells hold another table).
 * 3. Expand every table into a grid, straight to mdast: rowspan and colspan become empty cells
 *    beside the spanning one, as a merged cell comes out of Word; each cell becomes its plain
 *    text (<p> per character, <br>, &nbsp; and spans folded; two numbers on two lines stay
 *    apart, and digits in <sup> or <sub> become the superscript a reader sees, never digits).
 * 4. Convert the rest to mdast with hast-util-to-mdast and promote paragraphs that are headings.
 *
 * The page's own metadata (title, 发布机构, 发文日期, 索引号) is returned for what the body lacks.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Heading, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { position } from 'unist-util-position';
import { joinText, promoteHeadings } from './block-kinds.ts';
import { metadataFromParts, pageParts, type PageParts } from './page-parts.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import type { FrontEndResult } from './front-end.ts';

/** A statistical table has a few hundred cells; spans that expand beyond this are broken markup. */
const MAX_GRID_CELLS = 100_000;

function isElement(node: HastContent | ElementContent | HastRoot): node is Element {
  return node.type === 'element';
}

const SCRIPT_DIGITS: Readonly<Record<'sup' | 'sub', string>> = { sup: '⁰¹²³⁴⁵⁶⁷⁸⁹', sub: '₀₁₂₃₄₅₆₇₈₉' };

function hasScript(node: Element): boolean {
  return node.children.some((child) => isElement(child) && (child.tagName === 'sup' || child.tagName === 'sub' || hasScript(child)));
}

/** Digits of the text under `node` as superscript or subscript digits, in place. */
function raiseDigits(node: Element, digits: string): void {
  for (const child of node.children) {
    if (child.type === 'text') child.value = child.value.replace(/[0-9０-９]/g, (digit) => digits[Number(digit.normalize('NFKC'))]!);
    else if (isElement(child)) raiseDigits(child, digits);
  }
}

/**
 * A cell whose digits are set raised or lowered (a footnote marker, 5<sup>1</sup>) as a reader
 * sees it: those digits as superscript or subscript digits, which no number reads (never 51).
 * The page's tree is left as it is.
 */
function withScriptDigits(cell: Element): Element {
  if (!hasScript(cell)) return cell;
  const copy = structuredClone(cell);
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'sup' || child.tagName === 'sub') raiseDigits(child, SCRIPT_DIGITS[child.tagName]);
      else walk(child);
    }
  };
  walk(copy);
  return copy;
}

/**
 * Folds a cell's text: one line per block or <br>, joined without spaces between Chinese (so
 * two numbers on two lines stay two, 3 4, never 34).
 */
function cellText(cell: Element): string {
  const text = toText(withScriptDigits(cell));
  let folded = '';
  for (let from = 0; from <= text.length;) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end < 0 ? text.length : end).trim();
    if (line !== '') folded = joinText(folded, line);
    if (end < 0) break;
    from = end + 1;
  }
  return folded;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      for (const row of child.children) if (isElement(row) && row.tagName === 'tr') rows.push(row);
    }
  }
  return rows;
}

function span(cell: Element, name: 'rowSpan' | 'colSpan'): number {
  const value = Number.parseInt(String(cell.properties?.[name] ?? '1'), 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}

/** The table as a grid: every row as long as the widest, spanned positions empty. */
function tooLarge(table: Element, rows: number, columns: number): never {
  throw new ReportError(
    'table-too-large',
    `表格展开后至少有 ${rows} 行 ${columns} 列，超出可读取的大小（${MAX_GRID_CELLS} 个单元格）：请检查 rowspan/colspan 是否有误`,
    table.position?.start.line ?? null,
    table.position?.start.column ?? null,
  );
}

/**
 * The table as a grid, straight to mdast: every row as long as the widest, spanned positions
 * empty, each cell its folded text and the position of the cell it comes from — what
 * hast-util-to-mdast makes of the expanded table, without walking every cell's markup again.
 */
function expandTable(table: Element): Table {
  const grid: Array<Array<TableCell | undefined>> = [];
  let cells = 0;
  rowsOf(table).forEach((row, rowIndex) => {
    grid[rowIndex] ??= [];
    let column = 0;
    for (const cell of row.children) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[rowIndex]![column] !== undefined) column++;
      const rows = span(cell, 'rowSpan');
      const columns = span(cell, 'colSpan');
      cells += rows * columns;
      if (cells > MAX_GRID_CELLS) tooLarge(table, rowIndex + rows, column + columns);
      const text = cellText(cell);
      const where = position(cell);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          grid[rowIndex + r] ??= [];
          const first = r === 0 && c === 0;
          grid[rowIndex + r]![column + c] = {
            type: 'tableCell',
            children: first && text !== '' ? [{ type: 'text', value: text }] : [],
            ...(where ? { position: where } : {}),
            // The rest of a merged cell: empty in the grid, but no blank cell of the page.
            ...(first ? {} : { data: { spanned: true } }),
          };
        }
      }
      column += columns;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (width * grid.length > MAX_GRID_CELLS) tooLarge(table, grid.length, width);
  const columns = Math.max(1, width);
  const where = position(table);
  return {
    type: 'table',
    align: Array.from({ length: columns }, () => null),
    children: grid.map((row) => ({
      type: 'tableRow',
      // A position no cell of the page fills (a row with a <td> fewer than the widest) is made
      // an empty cell marked as padding: the table reads as a grid, and the extractors know the
      // page has no cell there (table-cells.ts leaves it out, so a row a cell short is noticed).
      children: Array.from({ length: columns }, (_, index): TableCell => row[index] ?? { type: 'tableCell', children: [], data: { padding: true } }),
    })),
    ...(where ? { position: where } : {}),
  };
}

/**
 * Replaces, outside in, each element of `parent` for which `replace` returns something; with
 * `again`, the replacement is rewritten too (for layout tables inside layout tables).
 */
function rewrite(
  parent: Element | HastRoot,
  replace: (element: Element) => ElementContent[] | undefined,
  again = false,
): void {
  // A new list of children only once a child is replaced.
  const original = parent.children as ElementContent[];
  let children: ElementContent[] | null = null;
  for (let index = 0; index < original.length; index++) {
    const child = original[index]!;
    const replacement = isElement(child) ? replace(child) : undefined;
    if (replacement) {
      const holder: Element = { type: 'element', tagName: 'div', properties: {}, children: replacement };
      if (again) rewrite(holder, replace, again);
      children ??= original.slice(0, index);
      children.push(...holder.children);
      continue;
    }
    if (isElement(child)) rewrite(child, replace, again);
    children?.push(child);
  }
  if (children) (parent as Element).children = children;
}

/** Comments (Word's <!--[if !supportLists]--> among them) are not text. */
function removeComments(node: Element): void {
  if (node.children.some((child) => child.type === 'comment')) node.children = node.children.filter((child) => child.type !== 'comment');
  for (const child of node.children) if (isElement(child)) removeComments(child);
}

/**
 * Spans (Word wraps every run of text in one) carry nothing hast-util-to-mdast reads: their
 * content takes their place, which leaves it a fraction of the nodes to walk.
 */
function unwrapSpans(node: Element): void {
  if (!node.children.some((child) => isElement(child) && (child.tagName === 'span' || child.children.length > 0))) return;
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (!isElement(child)) children.push(child);
    else {
      unwrapSpans(child);
      if (child.tagName === 'span') children.push(...child.children);
      else children.push(child);
    }
  }
  node.children = children;
}

function holdsTable(node: Element): boolean {
  return node.children.some((child) => isElement(child) && (child.tagName === 'table' || holdsTable(child)));
}

/** A layout table (one holding another table) gives way to the content of its cells. */
function unwrapLayoutTables(body: Element): void {
  rewrite(body, (element) => {
    if (element.tagName !== 'table' || !holdsTable(element)) return undefined;
    return rowsOf(element).flatMap((row) =>
      row.children.filter(isElement).flatMap((cell) => cell.children as ElementContent[]),
    );
  }, true);
}

/** What hast-util-to-mdast's last pass does to a text node in a table cell (a cell has one at most). */
function foldCellText(cell: TableCell): void {
  const text = cell.children[0];
  if (text?.type !== 'text' || (!text.value.includes('\n') && !text.value.includes('\r'))) return;
  text.value = text.value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
  if (!text.value) cell.children = [];
}

/** Whether each of `stubs` stands in `tree` as it was given, outside any other table. */
function stubsInPlace(tree: Root, stubs: Table[], empty: TableRow[][]): boolean {
  const expected = new Map(stubs.map((stub, index) => [stub, empty[index]!]));
  let found = 0;
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'table') {
      const rows = expected.get(node);
      if (rows === undefined || node.children !== rows || rows.length > 0) return;
      expected.delete(node);
      found++;
    } else if ('children' in node) {
      for (const child of node.children) visit(child);
    }
  };
  visit(tree);
  return found === stubs.length;
}

/**
 * The container's content as mdast, each table placeholder giving way to its grid. The grids go
 * through hast-util-to-mdast without their rows, so that its last pass (which joins adjacent
 * texts and folds white space around line breaks) does not walk every cell; what that pass does to
 * a cell's text is done here, and the rows are put back. Should the conversion have copied or
 * changed a grid (a table inside a link), it is done again with the rows in place.
 */
function convertAroundTables(container: Element, tables: Table[]): Root {
  const convert = (): Root => toMdast(
    { type: 'root', children: container.children },
    { handlers: { table: (_state, node: Element) => tables[Number(node.properties['dataGongkaiTable'])]! } },
  ) as Root;
  const rows = tables.map((table) => table.children);
  const empty = tables.map((): TableRow[] => []);
  tables.forEach((table, index) => (table.children = empty[index]!));
  const tree = convert();
  const inPlace = stubsInPlace(tree, tables, empty);
  tables.forEach((table, index) => (table.children = rows[index]!));
  if (!inPlace) return convert();
  for (const table of tables) for (const row of table.children) for (const cell of row.children) foldCellText(cell);
  return tree;
}

export function htmlToMdast(html: string, read: (html: string) => PageParts = pageParts): FrontEndResult {
  const parts = read(html);
  const titleElement = parts.title;
  const metadata = metadataFromParts(parts, titleElement ? cellText(titleElement) : null);

  const container: Element = { type: 'element', tagName: 'div', properties: {}, children: parts.body };
  removeComments(container);
  unwrapLayoutTables(container);
  // Each table becomes its grid; hast-util-to-mdast converts the rest around a placeholder.
  const tables: Table[] = [];
  rewrite(container, (element) => {
    if (element.tagName !== 'table') return undefined;
    tables.push(expandTable(element));
    return [{ type: 'element', tagName: 'table', properties: { dataGongkaiTable: tables.length - 1 }, children: [] }];
  });
  unwrapSpans(container);
  const tree = convertAroundTables(container, tables);
  // Paragraphs of nothing but white space (&nbsp; spacers) are layout, not text.
  tree.children = tree.children.filter((node) => node.type === 'table' || toString(node).trim() !== '');
  promoteHeadings(tree);
  const hasTitle = tree.children.some((node) => node.type === 'heading' && node.depth === 1);
  if (!hasTitle && metadata.title) {
    const heading: Heading = {
      type: 'heading',
      depth: 1,
      children: [{ type: 'text', value: metadata.title }],
      ...(titleElement?.position ? { position: titleElement.position } : {}),
    };
    tree.children.unshift(heading);
  }
  return { tree, metadata };
}
