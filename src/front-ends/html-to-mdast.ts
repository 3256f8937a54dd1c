/**
 * Front end for web pages (.html, .htm): a report saved from a government website, usually inside
 * the site's navigation, breadcrumbs and footer, its tables pasted from Word.
 *
 * 1. Parse with rehype-parse (positions kept, so values trace to the page's lines).
 * 2. Find the report's body: a known article container, else the smallest element that holds
 *    the statistical tables and the part headings.
 * 3. Unwrap layout tables (a table whose cells hold another table).
 * 4. Expand every table into a grid: rowspan and colspan become empty cells beside the spanning
 *    one, as a merged cell comes out of Word; each cell becomes its plain text (<p> per
 *    character, <br>, &nbsp; and spans folded).
 * 5. Convert to mdast with hast-util-to-mdast and promote paragraphs that are headings.
 *
 * The page's own metadata (title, 发布机构, 发文日期, 索引号) is returned for what the body lacks.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { joinText, promoteHeadings } from './block-kinds.ts';
import { reducePage, restorePositions } from './reduce-page.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import { emptyMetadata, type FrontEndResult, type SourceMetadata } from './front-end.ts';

/** Containers in which government sites publish an article's text. */
const CONTENT_SELECTORS = [
  '.TRS_Editor',
  '.article_content',
  '.article-content',
  '#zoom',
  '.zoom',
  '.pages_content',
  '#UCAP-CONTENT',
  '.view',
  'article',
  '.content',
  'main',
];
const TITLE_SELECTORS = ['.article_title', '.article-title', 'h1'];
const REPORT_SIGN = /本年新收|总体情况|主动公开政府信息情况/;
const TABLE_SIGN = /本年新收|第二十条|行政复议/;

const parser = unified().use(rehypeParse);
/** A statistical table has a few hundred cells; spans that expand beyond this are broken markup. */
const MAX_GRID_CELLS = 100_000;

function isElement(node: HastContent | ElementContent | HastRoot): node is Element {
  return node.type === 'element';
}

/** Folds a cell's text: one line per block or <br>, joined without spaces between Chinese. */
function cellText(cell: Element): string {
  return toText(cell)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce(joinText, '');
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

function expandTable(table: Element): Element {
  const grid: Array<Array<Element | undefined>> = [];
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
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          grid[rowIndex + r] ??= [];
          const first = r === 0 && c === 0;
          grid[rowIndex + r]![column + c] = {
            type: 'element',
            tagName: 'td',
            properties: {},
            children: first && text !== '' ? [{ type: 'text', value: text }] : [],
            ...(cell.position ? { position: cell.position } : {}),
          };
        }
      }
      column += columns;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (width * grid.length > MAX_GRID_CELLS) tooLarge(table, grid.length, width);
  const trs: Element[] = grid.map((row) => ({
    type: 'element',
    tagName: 'tr',
    properties: {},
    children: Array.from({ length: width }, (_, index) => row[index] ?? { type: 'element', tagName: 'td', properties: {}, children: [] }),
  }));
  const [head, ...body] = trs;
  return {
    type: 'element',
    tagName: 'table',
    properties: {},
    children: [
      { type: 'element', tagName: 'thead', properties: {}, children: head ? [head] : [] },
      { type: 'element', tagName: 'tbody', properties: {}, children: body },
    ],
    ...(table.position ? { position: table.position } : {}),
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
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (!isElement(child)) {
      children.push(child);
      continue;
    }
    const replacement = replace(child);
    if (replacement) {
      const holder: Element = { type: 'element', tagName: 'div', properties: {}, children: replacement };
      if (again) rewrite(holder, replace, again);
      children.push(...holder.children);
    } else {
      rewrite(child, replace, again);
      children.push(child);
    }
  }
  (parent as Element).children = children;
}

/** Comments (Word's <!--[if !supportLists]--> among them) are not text. */
function removeComments(node: Element): void {
  node.children = node.children.filter((child) => child.type !== 'comment');
  for (const child of node.children) if (isElement(child)) removeComments(child);
}

/** A layout table (one holding another table) gives way to the content of its cells. */
function unwrapLayoutTables(body: Element): void {
  rewrite(body, (element) => {
    if (element.tagName !== 'table' || !selectAll('table', element).some((inner) => inner !== element)) return undefined;
    return rowsOf(element).flatMap((row) =>
      row.children.filter(isElement).flatMap((cell) => cell.children as ElementContent[]),
    );
  }, true);
}

function findBody(root: HastRoot): Element | HastRoot {
  for (const selector of CONTENT_SELECTORS) {
    for (const candidate of selectAll(selector, root)) {
      if (REPORT_SIGN.test(toText(candidate))) return candidate;
    }
  }
  // The smallest element holding every statistical table, widened until it holds the text too.
  const tables = selectAll('table', root).filter((table) => TABLE_SIGN.test(toText(table)));
  const body = select('body', root) ?? root;
  if (tables.length === 0) return body;
  const parents = new Map<Element, Element | null>();
  const index = (node: Element | HastRoot) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      parents.set(child, isElement(node) ? node : null);
      index(child);
    }
  };
  index(root);
  /** The elements around `target`, innermost first. */
  const ancestors = (target: Element): Element[] => {
    const path: Element[] = [];
    for (let node = parents.get(target); node; node = parents.get(node)) path.push(node);
    return path;
  };
  let common = ancestors(tables[0]!);
  for (const table of tables.slice(1)) {
    const other = new Set(ancestors(table));
    common = common.filter((element) => other.has(element));
  }
  for (const candidate of common) {
    if (/总体情况/.test(toText(candidate))) return candidate;
  }
  return body;
}

const META_FIELDS: Array<[keyof SourceMetadata, RegExp]> = [
  ['agency', /(?:发布机构|发文机关|来源)[:：]\s*([^\s:：|]{2,40})/],
  ['publishedOn', /(?:发文日期|成文日期|发布日期|发布时间|时间)[:：]\s*((?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2})/],
  ['indexNumber', /索引号[:：]\s*([A-Za-z0-9\-_/.]+)/],
];

function meta(root: HastRoot, name: string): string | null {
  const value = select(`meta[name="${name}"]`, root)?.properties?.['content'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isoDate(text: string | null): string | null {
  const match = text ? /((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(text) : null;
  if (!match) return null;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

function pageMetadata(root: HastRoot, body: Element | HastRoot, titleElement: Element | undefined): SourceMetadata {
  const metadata = emptyMetadata('page');
  // The page around the body: its metadata block, breadcrumbs and footer.
  const outside = toText(root).replace(toText(body), '\n');
  for (const [field, pattern] of META_FIELDS) {
    const match = pattern.exec(outside);
    if (match) (metadata as Record<string, unknown>)[field] = match[1]!.trim();
  }
  metadata.title = meta(root, 'ArticleTitle') ?? (titleElement ? cellText(titleElement) : null);
  metadata.agency ??= meta(root, 'ContentSource');
  metadata.publishedOn = isoDate(metadata.publishedOn) ?? isoDate(meta(root, 'PubDate'));
  return metadata;
}

/** The page's tree, parsed from the page without what no step reads when that can be done safely. */
function parsePage(html: string): HastRoot {
  const reduced = reducePage(html);
  if (!reduced) return parser.parse(html);
  const root = parser.parse(reduced.html);
  restorePositions(root, reduced);
  return root;
}

export function htmlToMdast(html: string): FrontEndResult {
  const root = parsePage(html);
  const body = findBody(root);
  const titleElement = TITLE_SELECTORS.map((selector) => select(selector, root)).find(
    (element): element is Element => element !== undefined && /报告/.test(toText(element)),
  );
  const metadata = pageMetadata(root, body, titleElement);

  const container: Element = {
    type: 'element',
    tagName: 'div',
    properties: {},
    children: structuredClone(body.children) as ElementContent[],
  };
  removeComments(container);
  unwrapLayoutTables(container);
  rewrite(container, (element) => (element.tagName === 'table' ? [expandTable(element)] : undefined));

  const tree = toMdast({ type: 'root', children: container.children }) as Root;
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
