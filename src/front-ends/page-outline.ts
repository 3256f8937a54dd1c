/**
 * The outline of a saved web page: its elements, where each starts and ends in the file, and the
 * text inside each, read in one pass of htmlparser2's Parser without building a tree. It is enough
 * to find the report's body (a few per cent of the page is the report; the rest is the site's
 * navigation, scripts and footer), so that only the body is parsed by parse5 and converted.
 *
 * htmlparser2 matches an end tag with the nearest open element of that name. parse5 builds the
 * tree as the HTML standard says, which differs on misnested markup: an end tag that the standard
 * ignores (a stray `</div>` inside a table cell, a `</span>` across a `<div>`), formatting
 * elements rebuilt by the adoption agency (`<b><div></b>`), `</body>` and `</form>` that close
 * nothing, `<noscript>` read as text, foreign (SVG, MathML) content. Every such place is noted in
 * `irregularAt`; an element's range is trusted only if no such place comes before its end.
 */
import { Parser, type Handler } from 'htmlparser2';
import { parse as parseDocument } from 'parse5';
import { opensScriptInComment } from './reduce-page.ts';

export interface OutlineElement {
  tag: string;
  id: string;
  /** The class attribute as written (entities decoded). */
  className: string;
  /** The index of the parent element, -1 at the top. */
  parent: number;
  /** Where the start tag begins, where its content begins and ends, and where the end tag ends. */
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  /** The element's text: chunks[textFrom, textTo) of the outline. */
  textFrom: number;
  textTo: number;
  /** Inside <noscript>, <template>, SVG or MathML, whose content parse5 reads otherwise. */
  special: boolean;
  /** Inside an element whose text is not rendered (script, <head>, hidden …): its own text is not in the chunks. */
  hiddenAncestor: boolean;
  /** A <meta>'s name and content. */
  name: string | undefined;
  content: string | undefined;
  /** The attributes as htmlparser2 read them (names lowercased, entities decoded, the first of a name kept). */
  attributes: Record<string, string>;
  /** Opened by htmlparser2 without a start tag (for a `</p>` or `</br>` that matches nothing). */
  impliedStart: boolean;
  /** Closed by its own end tag (not implied by another tag or the end of the page). */
  endTag: boolean;
  /** Where its start and end are in the outline's events. */
  openEvent: number;
  closeEvent: number;
}

/**
 * What htmlparser2 read, in order: an element opened or closed (its index), a text or a comment
 * with where it stands in the page. Enough to build the tree of any part of the page again
 * (outline-tree.ts) without reading the page a second time.
 */
export type OutlineEvent =
  | { kind: 'open'; element: number }
  | { kind: 'close'; element: number }
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'comment'; value: string; start: number; end: number };

export interface PageOutline {
  html: string;
  elements: OutlineElement[];
  /** The page's rendered text in pieces, a line break between blocks (as hast-util-to-text puts them). */
  chunks: string[];
  events: OutlineEvent[];
  /** The first offset at which htmlparser2's reading and the standard's may part (Infinity if none). */
  irregularAt: number;
  /** Whether the page is in quirks mode (no doctype, or an old one). */
  quirks: boolean;
}

/** Elements after which hast-util-to-text starts a new line (blocks, table parts, <br>). */
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'dialog', 'dir', 'dl', 'dt',
  'div', 'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'ul', 'xmp',
  'table', 'caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'br',
]);
/** Elements whose text hast-util-to-text leaves out. */
const NOT_RENDERED = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title']);
/** Elements whose content parse5 does not read as the page's HTML. */
export const SPECIAL_CONTENT = new Set(['noscript', 'template', 'svg', 'math']);
const NEVER_REGULAR = new Set(['plaintext', 'frameset']);
/** Formatting elements: their end tags run the adoption agency. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** The standard's "special" elements: an end tag of any other name never closes one. */
const SPECIAL = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br',
  'button', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li', 'link', 'listing', 'main', 'marquee',
  'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param', 'plaintext', 'pre',
  'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template',
  'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp', 'svg', 'math',
]);
/** Elements that an end tag of another name closes differently in the standard, or not at all. */
const BOUNDARIES = new Set([
  'applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'tbody', 'thead', 'tfoot',
  'tr', 'colgroup', 'select', 'option', 'optgroup', 'button', 'svg', 'math', 'noscript', 'textarea',
]);
/** Table end tags and the table parts they close in the standard as in htmlparser2. */
const TABLE_CLOSES: Record<string, Set<string>> = {
  table: new Set(['caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']),
  tbody: new Set(['tr', 'td', 'th']),
  thead: new Set(['tr', 'td', 'th']),
  tfoot: new Set(['tr', 'td', 'th']),
  tr: new Set(['td', 'th']),
};
/** End tags after which the standard closes nothing, or rebuilds what they close. */
const END_TAGS_THAT_DIFFER = new Set(['body', 'html', 'form', 'template', 'svg', 'math', 'select', 'noscript']);
/** Start tags whose implied closes the standard does differently (adoption agency, select, quirks). */
const STARTS_THAT_DIFFER = new Set(['a', 'table', 'select', 'input', 'output', 'button', 'datalist', 'textarea']);
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Start tags before which the standard closes a <p> in button scope. */
const CLOSE_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section',
  'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'plaintext',
  'hr', 'xmp',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where the standard's "has an element in scope" stops looking. */
const SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
const BUTTON_SCOPE = new Set([...SCOPE, 'button']);
/** Markers in the list of active formatting elements. */
const MARKERS = new Set(['applet', 'caption', 'marquee', 'object', 'template', 'td', 'th']);
/** Table parts in which any other content is foster-parented out of the table. */
export const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** The parents a table's structure may have, as the standard builds it. */
export const TABLE_STRUCTURE = new Map<string, Set<string>>(Object.entries({
  caption: new Set(['table']),
  colgroup: new Set(['table']),
  col: new Set(['colgroup', 'table']),
  tbody: new Set(['table']),
  thead: new Set(['table']),
  tfoot: new Set(['table']),
  tr: new Set(['tbody', 'thead', 'tfoot', 'table']),
  td: new Set(['tr', 'tbody', 'thead', 'tfoot', 'table']),
  th: new Set(['tr', 'tbody', 'thead', 'tfoot', 'table']),
}));
/** What may stand directly in a table part without being foster-parented. */
const IN_TABLE = new Set([...TABLE_STRUCTURE.keys(), 'script', 'style', 'template']);
/** What the standard keeps in <head>, and in a <noscript> in <head>. */
const HEAD_CONTENT = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'noscript', 'script', 'style', 'template', 'title']);
const HEAD_NOSCRIPT_CONTENT = new Set(['basefont', 'bgsound', 'link', 'meta', 'noframes', 'style']);

/** Whether the page's start up to its doctype puts parse5 in quirks mode, by that text: a site's pages share one. */
const quirksByStart = new Map<string, boolean>();
function quirksBefore(start: string): boolean {
  let quirks = quirksByStart.get(start);
  if (quirks === undefined) {
    quirks = parseDocument(start).mode === 'quirks';
    if (quirksByStart.size < 100) quirksByStart.set(start, quirks);
  }
  return quirks;
}

class OutlineBuilder implements Partial<Handler> {
  readonly elements: OutlineElement[] = [];
  readonly chunks: string[] = [];
  readonly events: OutlineEvent[] = [];
  irregularAt = Number.POSITIVE_INFINITY;
  /** The document's mode, read from its doctype: quirks mode keeps a <p> open before a <table>. */
  quirks: boolean | undefined;
  parser!: Parser;
  private readonly open: number[] = [];
  /** How many open elements hide their text, and how many read their content otherwise. */
  private hidden = 0;
  private special = 0;
  private ended = false;
  private lastStartTag = '';
  private doctypeEnd = -1;
  /** The standard's form element pointer: set by <form>, cleared by </form>. */
  private formPointer = false;
  private headsOpen = 0;
  private seenBody = false;
  private seenElement = false;
  /** Where a formatting element was closed by another tag: the standard rebuilds it later. */
  private pendingFormatting = -1;
  /** What the standard closes before the start tag being read, and how many htmlparser2 closed. */
  private expectedCloses: number | null = null;
  private impliedCloses = 0;

  constructor(private readonly html: string) {}

  end(): void {
    this.ended = true;
  }

  private irregular(at: number): void {
    if (at < this.irregularAt) this.irregularAt = at;
  }

  private tagAt(depth: number): string {
    const index = this.open[this.open.length - 1 - depth];
    return index === undefined ? '' : this.elements[index]!.tag;
  }

  private isOpen(tag: string): boolean {
    if (tag === 'head') return this.headsOpen > 0;
    return this.open.some((index) => this.elements[index]!.tag === tag);
  }

  /** Whether an element named `tag` is open within the standard's scope (above `from`). */
  private inScope(tag: string, boundaries: Set<string>, from = 0): number {
    for (let depth = from; depth < this.open.length; depth++) {
      const name = this.tagAt(depth);
      if (name === tag) return depth;
      if (boundaries.has(name)) return -1;
    }
    return -1;
  }

  private ensureMode(): void {
    if (this.quirks !== undefined) return;
    this.quirks = this.doctypeEnd < 0 || quirksBefore(this.html.slice(0, this.doctypeEnd));
  }

  onprocessinginstruction(name: string): void {
    if (name.toLowerCase() === '!doctype' && !this.seenElement && this.doctypeEnd < 0) this.doctypeEnd = this.parser.endIndex + 1;
  }

  /** Called with every start tag before htmlparser2 acts on it. */
  beforeStartTag(name: string, at: number): void {
    this.ensureMode();
    this.lastStartTag = name;
    this.expectedCloses = null;
    this.impliedCloses = 0;
    if (this.pendingFormatting >= 0) this.irregular(this.pendingFormatting);
    const top = this.tagAt(0);
    if (NEVER_REGULAR.has(name)) this.irregular(at);
    if (name === 'html' && this.open.length > 0) this.irregular(at);
    if (name === 'head' && this.seenElement && !(this.open.length === 1 && top === 'html')) this.irregular(at);
    if (name === 'body' && (this.seenBody || this.open.some((index) => !['html', 'head'].includes(this.elements[index]!.tag)))) {
      this.irregular(at);
    }
    if (name === 'body') this.seenBody = true;
    if (name !== 'html') this.seenElement = true;
    if (this.isOpen('head') && name !== 'body') {
      const allowed = top === 'head' ? HEAD_CONTENT.has(name) : top === 'noscript' && HEAD_NOSCRIPT_CONTENT.has(name);
      if (!allowed) this.irregular(at);
    }
    if (name === 'form') {
      // A <form> inside a form is ignored by the standard, kept by htmlparser2 when not nested.
      if (this.formPointer) this.irregular(at);
      this.formPointer = true;
    }
    if (TABLE_PARTS.has(top) && !IN_TABLE.has(name)) this.irregular(at);
    if (name === 'a') {
      for (let depth = 1; depth < this.open.length && !MARKERS.has(this.tagAt(depth)); depth++) {
        if (this.tagAt(depth) === 'a') this.irregular(at);
      }
    }
    if ((name === 'nobr' || name === 'button') && this.inScope(name, SCOPE) >= 0) this.irregular(at);
    if (TABLE_STRUCTURE.has(name)) return;
    // What the standard closes: an open list item, a <p> in button scope, a heading, an option.
    let closes = 0;
    if (name === 'li' || name === 'dd' || name === 'dt') {
      for (let depth = 0; depth < this.open.length; depth++) {
        const tag = this.tagAt(depth);
        if (name === 'li' ? tag === 'li' : tag === 'dd' || tag === 'dt') {
          closes = depth + 1;
          break;
        }
        if (SPECIAL.has(tag) && tag !== 'address' && tag !== 'div' && tag !== 'p') break;
      }
    }
    if (CLOSE_P.has(name) || (name === 'table' && !this.quirks)) {
      const p = this.inScope('p', BUTTON_SCOPE, closes);
      if (p >= 0) closes = p + 1;
    }
    const next = this.tagAt(closes);
    if (HEADINGS.has(name) && HEADINGS.has(next)) closes++;
    else if (name === 'a' && next === 'a') closes++;
    else if ((name === 'option' || name === 'optgroup') && next === 'option') closes++;
    else if (name === 'body' && next === 'head') closes++;
    this.expectedCloses = closes;
  }

  /** Called with every end tag before htmlparser2 acts on it. */
  beforeEndTag(name: string, at: number): void {
    if (name === 'form') this.formPointer = false;
    if (HEADINGS.has(name) && !this.isOpen(name)) {
      // The standard closes any open heading; htmlparser2 ignores an end tag that matches nothing.
      for (const heading of HEADINGS) if (this.inScope(heading, SCOPE) >= 0) this.irregular(at);
    }
  }

  onopentag(name: string, attributes: Record<string, string>, implied: boolean): void {
    const start = this.parser.startIndex;
    if (this.expectedCloses !== null && this.expectedCloses !== this.impliedCloses) this.irregular(start);
    this.expectedCloses = null;
    const parentTag = this.tagAt(0);
    const parents = TABLE_STRUCTURE.get(name);
    if (parents && !parents.has(parentTag)) this.irregular(start);
    if (this.special > 0 && this.open.length > 0 && parentTag !== 'noscript') {
      // HTML inside SVG or MathML, or any element in a template: the standard's tree differs.
      this.irregular(start);
    }
    const contentStart = implied ? start : this.parser.endIndex + 1;
    const element: OutlineElement = {
      tag: name,
      id: attributes['id'] ?? '',
      className: attributes['class'] ?? '',
      parent: this.open.at(-1) ?? -1,
      start,
      contentStart,
      contentEnd: contentStart,
      end: contentStart,
      textFrom: this.chunks.length,
      textTo: this.chunks.length,
      special: this.special > 0,
      hiddenAncestor: this.hidden > 0,
      name: name === 'meta' ? attributes['name'] : undefined,
      content: name === 'meta' ? attributes['content'] : undefined,
      attributes,
      impliedStart: implied,
      endTag: false,
      openEvent: this.events.length,
      closeEvent: -1,
    };
    this.events.push({ kind: 'open', element: this.elements.length });
    this.elements.push(element);
    this.open.push(this.elements.length - 1);
    if (this.hidden === 0 && BREAKING.has(name)) this.chunks.push('\n');
    if (this.hides(name, attributes)) this.hidden++;
    if (SPECIAL_CONTENT.has(name)) this.special++;
    if (name === 'head') this.headsOpen++;
  }

  private hides(name: string, attributes: Record<string, string>): boolean {
    return NOT_RENDERED.has(name) || attributes['hidden'] !== undefined || (name === 'dialog' && attributes['open'] === undefined);
  }

  onclosetag(name: string, implied: boolean): void {
    const index = this.open.pop();
    if (index === undefined) return;
    const element = this.elements[index]!;
    const html = this.html;
    const at = this.parser.startIndex;
    if (implied) this.impliedCloses++;
    if (name === 'head') this.headsOpen--;
    element.endTag = !implied;
    element.closeEvent = this.events.length;
    this.events.push({ kind: 'close', element: index });
    if (this.ended) {
      element.contentEnd = element.end = html.length;
      // An element left open to the end: the standard keeps it open too, unless it is one of
      // those that read the rest of the page otherwise.
      if (SPECIAL_CONTENT.has(name)) this.irregular(element.start);
    } else if (!implied) {
      element.contentEnd = at;
      element.end = this.parser.endIndex + 1;
    } else if (html.charCodeAt(at) === 0x3c && html.charCodeAt(at + 1) === 0x2f) {
      // Closed by the end tag of an element further out.
      element.contentEnd = element.end = at;
      const endTag = readTagName(html, at + 2);
      if (!closesAlike(endTag, name)) this.irregular(at);
    } else {
      // A void element, or closed by a start tag (<p> before <div>, <td> before <td>).
      element.contentEnd = element.end = VOID.has(name) && this.lastStartTag === name && index === this.elements.length - 1
        ? this.parser.endIndex + 1
        : at;
      if (!VOID.has(name) && STARTS_THAT_DIFFER.has(this.lastStartTag)) this.irregular(at);
    }
    if (FORMATTING.has(name) && implied && !this.ended && this.pendingFormatting < 0) this.pendingFormatting = at;
    if (MARKERS.has(name)) this.pendingFormatting = -1;
    if (SPECIAL_CONTENT.has(name)) {
      this.special--;
      if (implied && !this.ended) this.irregular(at);
    } else if (element.special !== this.special > 0 && !this.ended) {
      // An end tag inside <noscript> or SVG that closes an element opened outside it.
      this.irregular(at);
    }
    if (this.hidden > 0 && this.hidesElement(element)) this.hidden--;
    element.textTo = this.chunks.length;
    if (this.hidden === 0 && BREAKING.has(name) && !VOID.has(name)) this.chunks.push('\n');
  }

  private hidesElement(element: OutlineElement): boolean {
    if (NOT_RENDERED.has(element.tag)) return true;
    const tag = this.html.slice(element.start, element.contentStart);
    return /\shidden(?=[\s=>/])/i.test(tag) || (element.tag === 'dialog' && !/\sopen(?=[\s=>/])/i.test(tag));
  }

  ontext(text: string): void {
    const top = this.open.at(-1);
    const tag = top === undefined ? '' : this.elements[top]!.tag;
    const at = this.parser.startIndex;
    if (tag === 'script' && opensScriptInComment(text)) this.irregular(at);
    if (!RAW_TEXT.has(tag) && /[^\t\n\f\r ]/.test(text)) {
      if (this.pendingFormatting >= 0) this.irregular(this.pendingFormatting);
      // Text in a table part is foster-parented; text in <head> ends it.
      if (TABLE_PARTS.has(tag) || tag === 'head' || (tag === 'noscript' && this.isOpen('head'))) this.irregular(at);
    } else if (!RAW_TEXT.has(tag) && this.pendingFormatting >= 0 && !TABLE_PARTS.has(tag)) {
      this.irregular(this.pendingFormatting);
    }
    if (this.hidden === 0) this.chunks.push(text);
    // Scripts and styles are left out of the tree (as reduce-page.ts leaves them out of parse5's).
    if (tag !== 'script' && tag !== 'style') this.events.push({ kind: 'text', value: text, start: at, end: this.parser.endIndex + 1 });
  }

  oncomment(value: string): void {
    this.events.push({ kind: 'comment', value, start: this.parser.startIndex, end: this.parser.endIndex + 1 });
  }

  oncdata(): void {
    // Outside SVG and MathML the standard reads <![CDATA[ … ]]> as a comment.
    if (this.special === 0) this.irregular(this.parser.startIndex);
  }
}

/** Elements whose content is text to the tokenizer. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

function readTagName(html: string, from: number): string {
  let to = from;
  while (to < html.length && !/[\s/>]/.test(html[to]!)) to++;
  return html.slice(from, to).toLowerCase();
}

/**
 * Whether the end tag `endTag`, closing the open element `closed` on its way, does what the
 * standard does (which then closes it too, as it generates implied end tags or pops to the match).
 */
function closesAlike(endTag: string, closed: string): boolean {
  if (FORMATTING.has(endTag) || END_TAGS_THAT_DIFFER.has(endTag)) return false;
  if (!SPECIAL.has(endTag) && SPECIAL.has(closed)) return false;
  if (TABLE_CLOSES[endTag]?.has(closed)) return true;
  if (BOUNDARIES.has(closed)) return false;
  if (endTag === 'li' && (closed === 'ol' || closed === 'ul')) return false;
  return true;
}

/** The page's outline; the parser never throws on malformed HTML. */
export function outlinePage(html: string): PageOutline {
  const builder = new OutlineBuilder(html);
  const parser = new Parser(builder, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  builder.parser = parser;
  // The tokenizer's calls, seen before the parser closes anything: the standard's rules need the
  // open elements as they were.
  const openTagName = parser.onopentagname.bind(parser);
  parser.onopentagname = (start: number, end: number) => {
    builder.beforeStartTag(html.slice(start, end).toLowerCase(), start - 1);
    openTagName(start, end);
  };
  const closeTag = parser.onclosetag.bind(parser);
  parser.onclosetag = (start: number, end: number) => {
    // Only </form> and the headings' end tags are looked at (lowercasing keeps an ASCII name's length).
    if (end - start === 2 || end - start === 4) builder.beforeEndTag(html.slice(start, end).toLowerCase(), start - 2);
    closeTag(start, end);
  };
  parser.write(html);
  builder.end();
  parser.end();
  builder.quirks ??= true;
  return { html, elements: builder.elements, chunks: builder.chunks, events: builder.events, irregularAt: builder.irregularAt, quirks: builder.quirks };
}

/** The element's text, as hast-util-to-text renders it, up to white space. */
export function outlineText(outline: PageOutline, element: OutlineElement): string {
  return outline.chunks.slice(element.textFrom, element.textTo).join('');
}

/** The page's text without the element's: a line break where it was. */
export function textAround(outline: PageOutline, element: OutlineElement): string {
  return `${outline.chunks.slice(0, element.textFrom).join('')}\n${outline.chunks.slice(element.textTo).join('')}`;
}

/** Whether `element` matches a simple selector: `tag`, `.class` or `#id`. */
export function matchesSimple(element: OutlineElement, selector: string): boolean {
  if (selector.startsWith('.')) {
    const name = selector.slice(1);
    return element.className.includes(name) && element.className.split(/[\t\n\f\r ]+/).includes(name);
  }
  if (selector.startsWith('#')) return element.id === selector.slice(1);
  return element.tag === selector;
}

/** Whether the element's range can be trusted to be where the standard's parser puts it. */
export function isRegular(outline: PageOutline, element: OutlineElement): boolean {
  if (element.special || element.end > outline.irregularAt) return false;
  for (let index = element.parent; index >= 0; index = outline.elements[index]!.parent) {
    if (outline.elements[index]!.special) return false;
  }
  return true;
}
