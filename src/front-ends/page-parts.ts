/**
 * Where the report is in a saved web page: the element that holds its body, the element that
 * holds its title, and what the page states around it (发布机构, 发文日期, 索引号, <meta> tags).
 *
 * Two ways to the same answer:
 * - `partsFromOutline` reads the page's outline in one pass of htmlparser2 (no tree), finds the
 *   body there and parses only the body with parse5, as a fragment in the body's context. A page
 *   is a few per cent report and the rest navigation, scripts and footer: this is the fast way.
 *   It gives up (returns null) wherever the outline cannot be sure that the standard's parser
 *   builds the body as the fragment parser does (see page-outline.ts).
 * - `partsFromWholePage` parses the whole page with rehype-parse and selects in the tree.
 * Both give the same nodes with the same positions in the page; the tests hold them equal on
 * every saved page the project has, and on those pages with stray tags put in.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { defaultTreeAdapter, html as parse5Html, parseFragment, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { emptyMetadata, webAddress, type SourceMetadata } from './front-end.ts';
import {
  isRegular,
  matchesSimple,
  outlinePage,
  outlineText,
  TABLE_PARTS,
  TABLE_STRUCTURE,
  textAround,
  type OutlineElement,
  type PageOutline,
} from './page-outline.ts';
import { treeOfRange } from './outline-tree.ts';
import { lineStarts, reducePage, restorePositions, type ReducedPage } from './reduce-page.ts';

/** Containers in which government sites publish an article's text. */
export const CONTENT_SELECTORS = [
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
const OVERVIEW_SIGN = /总体情况/;
const TITLE_SIGN = /报告/;
const META_FIELDS: Array<[keyof SourceMetadata, RegExp]> = [
  ['agency', /(?:发布机构|发文机关|来源)[:：]\s*([^\s:：|]{2,40})/],
  ['publishedOn', /(?:发文日期|成文日期|发布日期|发布时间|时间)[:：]\s*((?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2})/],
  ['indexNumber', /索引号[:：]\s*([A-Za-z0-9\-_/.]+)/],
];
// The names of the metadata government pages carry (政府网站网页元数据): the article's title, its
// publisher, its date and its address.
const META_NAMES = ['ArticleTitle', 'ContentSource', 'PubDate', 'Url'] as const;
type MetaName = (typeof META_NAMES)[number];

export interface PageParts {
  /** The children of the report's body, positions in the page. */
  body: ElementContent[];
  /** The element that holds the report's title, if the page has one outside the body. */
  title: Element | undefined;
  /** The page's text without the body's, a line break in its place. */
  outside: string;
  /** The <meta> tags that name the article. */
  meta: Record<MetaName, string | null>;
  /**
   * How the body was read: rebuilt from the outline's events (outline-tree.ts), parsed alone by
   * parse5 as a fragment, or found in the whole page parsed.
   */
  read: 'rebuilt' | 'fragment' | 'page';
}

function isElement(node: { type: string }): node is Element {
  return node.type === 'element';
}

function metaValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// ---------------------------------------------------------------------------------------------
// The whole page

const parser = unified().use(rehypeParse);

/** The page's tree, parsed from the page without what no step reads when that can be done safely. */
function parsePage(html: string): HastRoot {
  const reduced = reducePage(html);
  if (!reduced) return parser.parse(html);
  const root = parser.parse(reduced.html);
  restorePositions(root, reduced);
  return root;
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
  return common.find((candidate) => OVERVIEW_SIGN.test(toText(candidate))) ?? body;
}

export function partsFromWholePage(html: string): PageParts {
  const root = parsePage(html);
  const body = findBody(root);
  const title = TITLE_SELECTORS.map((selector) => select(selector, root)).find(
    (element): element is Element => element !== undefined && TITLE_SIGN.test(toText(element)),
  );
  const meta = Object.fromEntries(
    META_NAMES.map((name) => [name, metaValue(select(`meta[name="${name}"]`, root)?.properties?.['content'])]),
  ) as PageParts['meta'];
  return {
    body: body.children as ElementContent[],
    title,
    outside: toText(root).replace(toText(body), '\n'),
    meta,
    read: 'page',
  };
}

// ---------------------------------------------------------------------------------------------
// The body alone

/**
 * Elements whose content the fragment parser reads otherwise than the document parser does (raw
 * text, a leading newline dropped, table and select modes, the document's own elements).
 */
const NOT_A_CONTEXT = new Set([
  'html', 'head', 'body', 'frameset', 'pre', 'listing', 'textarea', 'title', 'style', 'script', 'xmp', 'iframe',
  'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'select', 'option', 'optgroup', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'caption', 'colgroup', 'col', 'svg', 'math', 'frame',
]);
const CELLS = new Set(['td', 'th', 'caption']);

function ancestorsOf(outline: PageOutline, element: OutlineElement): OutlineElement[] {
  const path: OutlineElement[] = [];
  for (let index = element.parent; index >= 0; index = outline.elements[index]!.parent) path.push(outline.elements[index]!);
  return path;
}

/**
 * Whether the element's content, parsed as a fragment in its context, is what the document
 * parser builds there: a plain container, not directly in a table, whose table structure (a
 * stray <td> or <tr>) belongs to tables inside it.
 */
function parsesAlone(outline: PageOutline, element: OutlineElement, index: number): boolean {
  if (NOT_A_CONTEXT.has(element.tag) || !isRegular(outline, element) || element.hiddenAncestor) return false;
  for (const ancestor of ancestorsOf(outline, element)) {
    if (CELLS.has(ancestor.tag)) break;
    if (TABLE_PARTS.has(ancestor.tag)) return false;
  }
  const elements = outline.elements;
  for (let inner = index + 1; inner < elements.length && elements[inner]!.start < element.end; inner++) {
    const candidate = elements[inner]!;
    if (!TABLE_STRUCTURE.has(candidate.tag)) continue;
    // Its table: the nearest <table> around it, which must be inside the element.
    let table = candidate.parent;
    while (table >= 0 && elements[table]!.tag !== 'table') table = elements[table]!.parent;
    if (table <= index) return false;
  }
  return true;
}

/** The index of the first element that matches `selector` (-1 if none), or null if the outline cannot tell. */
function firstMatch(outline: PageOutline, selector: string): number | null {
  const index = outline.elements.findIndex((element) => matchesSimple(element, selector));
  if (index < 0) return -1;
  const element = outline.elements[index]!;
  return isRegular(outline, element) && !element.hiddenAncestor ? index : null;
}

/** The body as findBody chooses it, or null where the outline cannot tell. */
function findBodyInOutline(outline: PageOutline): number | null {
  const elements = outline.elements;
  for (const selector of CONTENT_SELECTORS) {
    for (let index = 0; index < elements.length; index++) {
      const candidate = elements[index]!;
      if (!matchesSimple(candidate, selector)) continue;
      // Its text in the outline is the page's only where the outline is sure of it.
      if (!isRegular(outline, candidate) || candidate.hiddenAncestor) return null;
      if (REPORT_SIGN.test(outlineText(outline, candidate))) return index;
    }
  }
  const tables: number[] = [];
  for (let index = 0; index < elements.length; index++) {
    const table = elements[index]!;
    if (table.tag !== 'table') continue;
    if (!isRegular(outline, table) || table.hiddenAncestor) return null;
    if (TABLE_SIGN.test(outlineText(outline, table))) tables.push(index);
  }
  // The page's <body> itself: the document parser adds to it what follows </body>.
  if (tables.length === 0) return null;
  const chain = (index: number): number[] => {
    const path: number[] = [];
    for (let parent = elements[index]!.parent; parent >= 0; parent = elements[parent]!.parent) path.push(parent);
    return path;
  };
  let common = chain(tables[0]!);
  for (const table of tables.slice(1)) {
    const other = new Set(chain(table));
    common = common.filter((index) => other.has(index));
  }
  const found = common.find((index) => OVERVIEW_SIGN.test(outlineText(outline, elements[index]!)));
  return found === undefined || elements[found]!.tag === 'body' || elements[found]!.tag === 'html' ? null : found;
}

/**
 * Parses html[from, to) as the content of a `context` element, in the page's document mode, and moves every position to the page.
 */
function parseRange(outline: PageOutline, lines: number[], context: string, from: number, to: number): ElementContent[] {
  const page = outline.html;
  const slice = page.slice(from, to);
  const reduced = reducePage(slice);
  const source = reduced?.html ?? slice;
  const mode = outline.quirks ? parse5Html.DOCUMENT_MODE.QUIRKS : parse5Html.DOCUMENT_MODE.NO_QUIRKS;
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = { ...defaultTreeAdapter, getDocumentMode: () => mode };
  const contextElement = defaultTreeAdapter.createElement(context, parse5Html.NS.HTML, []);
  const fragment = parseFragment(contextElement, source, {
    sourceCodeLocationInfo: true,
    scriptingEnabled: false,
    treeAdapter: adapter,
  });
  const root = fromParse5(fragment, { file: new VFile(source) }) as HastRoot;
  const mapped: ReducedPage = {
    html: source,
    original: page,
    originalOffset: reduced ? (offset) => from + reduced.originalOffset(offset) : (offset) => from + offset,
  };
  restorePositions(root, mapped, lines);
  return root.children as ElementContent[];
}

/** With `rebuild` false, the body and title are parsed by parse5 even where outline-tree.ts could rebuild them. */
export function partsFromOutline(html: string, rebuild = true): PageParts | null {
  const outline = outlinePage(html);
  if (outline.irregularAt !== Number.POSITIVE_INFINITY) return null;
  const bodyIndex = findBodyInOutline(outline);
  if (bodyIndex === null) return null;
  const body = outline.elements[bodyIndex]!;
  if (!parsesAlone(outline, body, bodyIndex)) return null;
  const lines = lineStarts(html);

  let title: Element | undefined;
  for (const selector of TITLE_SELECTORS) {
    const index = firstMatch(outline, selector);
    if (index === null) return null;
    const element = outline.elements[index];
    if (element === undefined || !TITLE_SIGN.test(outlineText(outline, element))) continue;
    if (!parsesAlone(outline, element, index)) return null;
    // The element itself, start and end tags, as it stands in a plain container.
    const parsed = ((rebuild ? treeOfRange(outline, lines, element.openEvent - 1, element.closeEvent + 1) : null)
      ?? parseRange(outline, lines, 'div', element.start, element.end)).filter(isElement);
    if (parsed.length !== 1 || parsed[0]!.tagName !== element.tag) return null;
    title = parsed[0];
    break;
  }
  const meta = {} as PageParts['meta'];
  for (const name of META_NAMES) {
    const element = outline.elements.find((candidate) => candidate.tag === 'meta' && candidate.name === name);
    if (element?.special) return null;
    meta[name] = metaValue(element?.content);
  }
  const rebuilt = rebuild ? treeOfRange(outline, lines, body.openEvent, body.closeEvent) : null;
  return {
    body: rebuilt ?? parseRange(outline, lines, body.tag, body.contentStart, body.contentEnd),
    read: rebuilt ? 'rebuilt' : 'fragment',
    title,
    outside: textAround(outline, body),
    meta,
  };
}

/** The page's parts: from its outline where that can be done, else from the whole page. */
export function pageParts(html: string): PageParts {
  return partsFromOutline(html) ?? partsFromWholePage(html);
}

export function metadataFromParts(parts: PageParts, titleText: string | null): SourceMetadata {
  const metadata = metadataFromText(parts.outside, parts.meta.ArticleTitle ?? titleText);
  metadata.agency ??= parts.meta.ContentSource;
  metadata.publishedOn = isoDate(metadata.publishedOn) ?? isoDate(parts.meta.PubDate);
  metadata.url = webAddress(parts.meta.Url);
  return metadata;
}

/** What a page states around the report, in its text (发布机构：…, 发文日期：…, 索引号：…). */
export function metadataFromText(outside: string, title: string | null): SourceMetadata {
  const metadata = emptyMetadata('page');
  for (const [field, pattern] of META_FIELDS) {
    const match = pattern.exec(outside);
    if (match) (metadata as Record<string, unknown>)[field] = match[1]!.trim();
  }
  metadata.title = title;
  metadata.publishedOn = isoDate(metadata.publishedOn);
  return metadata;
}

function isoDate(text: string | null): string | null {
  const match = text ? /((?:19|20)\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(text) : null;
  if (!match) return null;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}
