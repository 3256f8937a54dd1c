/**
 * A saved web page without what no step reads, so that parse5 (behind rehype-parse) has a third of
 * the page to parse: the content of scripts and styles, the text of comments, and the attributes
 * that only lay the page out (style, width, the site's own ms-* and data-* attributes, links'
 * targets). Everything else stays as it was: every element, every text, every comment node, the
 * doctype, and the attributes that any step reads (class, id, rowspan, colspan, href, meta name
 * and content, hidden …). parse5 builds from the reduced page the same tree as from the whole one,
 * and `restorePositions` moves every position back to the line, column and offset of the
 * original file, so that every value still traces to the page as it was saved.
 *
 * The page is read with htmlparser2's tokenizer, which splits HTML into tags, texts and comments
 * as the HTML standard does (raw text of script, style, title, textarea …, bogus comments, foreign
 * SVG and MathML content). Where the two tokenizers could still disagree — CDATA outside SVG and
 * MathML, a `<script>` opened inside a script's `<!--`, raw-text elements that the tree builder
 * ignores (inside `<select>`) or takes as HTML (HTML inside SVG and MathML), `<plaintext>`,
 * framesets — the page is not reduced (`reducePage` returns null) and is parsed whole.
 */
import type { Node, Point, Position } from 'unist';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export interface ReducedPage {
  /** The page without what no step reads. */
  html: string;
  /** Maps an offset in `html` to the offset in the original page. */
  originalOffset(offset: number): number;
  /** The original page. */
  original: string;
}

/** Attributes that the tree builder, the selectors, hast-util-to-text or hast-util-to-mdast read. */
export const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'name', 'content', 'type', 'hidden', 'open', 'nowrap', 'wrap', 'colspan', 'rowspan',
  'href', 'src', 'alt', 'title', 'start', 'checked', 'value', 'align', 'disabled', 'label', 'list',
  'multiple', 'placeholder', 'poster', 'selected', 'size', 'color', 'face', 'data-mdast', 'dir', 'encoding',
]);
/**
 * Formatting elements: parse5 compares their attributes (the "Noah's Ark" clause), so a reduced one
 * carries a key that is equal exactly when the original attributes are.
 */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const KEY_ATTRIBUTE = 'data-gongkai-attributes';
/** Elements whose text nobody reads: their content goes. */
const DROPPED_CONTENT = new Set(['script', 'style']);
/** Raw-text elements that the tree builder ignores inside a <select>. */
const IGNORED_IN_SELECT = new Set(['style', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'svg', 'math']);
/** Elements that end SVG or MathML content (HTML standard, "parsing main inforeign"). */
const BREAKS_OUT_OF_FOREIGN = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre',
  'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var', 'font',
]);
/** Elements inside SVG and MathML whose content is read as HTML. */
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']);
/** Their attributes stay: a template's can make it a shadow root, SVG and MathML are left alone. */
const KEEPS_ALL_ATTRIBUTES = new Set(['template', 'svg', 'math']);
const NEVER_REDUCED = new Set(['plaintext', 'frameset']);

/** Thrown inside the tokenizer's callbacks when the page cannot be reduced safely. */
class NotReducible extends Error {}

interface Attribute {
  name: string;
  start: number;
  /** Where the name ends: the value, if any, follows after `=`. */
  nameEnd: number;
  end: number;
}

/** The reduced text, built as runs copied from the original with cuts between them. */
class Cuts {
  private readonly parts: string[] = [];
  private cursor = 0;
  private outLength = 0;
  /** For each run copied from the original: where it starts in the output and in the original. */
  readonly runOut: number[] = [];
  readonly runSource: number[] = [];

  constructor(private readonly source: string) {}

  /** Replaces source[from, to) by `replacement`. Cuts come in source order. */
  cut(from: number, to: number, replacement = ''): void {
    if (from < this.cursor) return;
    this.copy(from);
    if (replacement !== '') {
      this.parts.push(replacement);
      this.outLength += replacement.length;
    }
    this.cursor = to;
  }

  finish(): string {
    this.copy(this.source.length);
    return this.parts.join('');
  }

  private copy(to: number): void {
    if (to <= this.cursor) return;
    this.runOut.push(this.outLength);
    this.runSource.push(this.cursor);
    this.parts.push(this.source.slice(this.cursor, to));
    this.outLength += to - this.cursor;
    this.cursor = to;
  }
}

/** The attributes of one start tag, collected until the tag ends. */
function reduceAttributes(html: string, tag: string, attributes: Attribute[], tagNameEnd: number, cuts: Cuts, keys: Map<string, number>): void {
  const dropped = attributes.filter(
    (attribute) => !KEPT_ATTRIBUTES.has(attribute.name) && !miscountsLines(html.slice(attribute.start, attribute.end)),
  );
  if (dropped.length === 0) return;
  if (FORMATTING.has(tag)) {
    const key = attributeKey(html, attributes, keys);
    if (key === null) return;
    cuts.cut(tagNameEnd, tagNameEnd, ` ${KEY_ATTRIBUTE}="${key}"`);
  }
  for (const attribute of dropped) cuts.cut(attribute.start, attribute.end);
}

/**
 * Whether parse5 counts a line break twice in `text`: it does after an `&` that a line break
 * follows, and every later line of the page is then one too far. The reduced page keeps such text,
 * so that its lines are off in the same way as the whole page's.
 */
function miscountsLines(text: string): boolean {
  for (let index = text.indexOf('&'); index >= 0; index = text.indexOf('&', index + 1)) {
    const next = text.charCodeAt(index + 1);
    if (next === 0x0a || next === 0x0d) return true;
  }
  return false;
}

/** An attribute's value as written, without its quotes ('' when it has none). */
function attributeValue(html: string, attribute: Attribute): string {
  const raw = html.slice(attribute.nameEnd, attribute.end).trim();
  if (!raw.startsWith('=')) return '';
  const value = raw.slice(1).trim();
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote) ? value.slice(1, -1) : value;
}

/**
 * A number that stands for the attributes as parse5 compares them (the first of each name, in any
 * order), or null when a value holds a character reference (equal values could be written unequally).
 */
function attributeKey(html: string, attributes: Attribute[], keys: Map<string, number>): number | null {
  const values = new Map<string, string>();
  for (const attribute of attributes) {
    const value = attributeValue(html, attribute);
    if (value.includes('&')) return null;
    if (!values.has(attribute.name)) values.set(attribute.name, value);
  }
  const text = [...values.keys()].sort().map((name) => `${name}\u0000${values.get(name)}`).join('\u0001');
  let key = keys.get(text);
  if (key === undefined) {
    key = keys.size;
    keys.set(text, key);
  }
  return key;
}

/** The tokenizer's callbacks: they decide the cuts and track what changes how HTML is split. */
class Reducer implements TokenizerCallbacks {
  readonly cuts: Cuts;
  private readonly keys = new Map<string, number>();
  private tag = '';
  private tagNameEnd = 0;
  private attributes: Attribute[] = [];
  private attributeName = '';
  private attributeStart = 0;
  private attributeNameEnd = 0;
  /** The element whose raw text the tokenizer is reading (script, style …), if any. */
  private rawText = '';
  private foreignDepth = 0;
  private integrationDepth = 0;
  private selectDepth = 0;

  constructor(private readonly html: string) {
    this.cuts = new Cuts(html);
  }

  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }

  onopentagname(start: number, end: number): void {
    this.tag = this.html.slice(start, end).toLowerCase();
    this.rawText = '';
    this.tagNameEnd = end;
    this.attributes = [];
    this.checkStartTag(this.tag);
  }

  onattribname(start: number, end: number): void {
    this.attributeName = this.html.slice(start, end).toLowerCase();
    this.attributeStart = start;
    this.attributeNameEnd = end;
  }

  onattribdata(): void {}
  onattribentity(): void {}

  onattribend(_quote: unknown, end: number): void {
    this.attributes.push({ name: this.attributeName, start: this.attributeStart, nameEnd: this.attributeNameEnd, end });
  }

  onopentagend(): void {
    this.endStartTag(false);
  }

  onselfclosingtag(): void {
    this.endStartTag(true);
  }

  onclosetag(start: number, end: number): void {
    const tag = this.html.slice(start, end).toLowerCase();
    this.rawText = '';
    if (this.foreignDepth > 0) {
      if (tag === 'p' || tag === 'br') throw new NotReducible();
      // Inside an integration point the tree builder may ignore </svg>; then it would not end SVG.
      if ((tag === 'svg' || tag === 'math') && this.integrationDepth > 0) throw new NotReducible();
      if (INTEGRATION_POINTS.has(tag) && this.integrationDepth > 0) this.integrationDepth--;
    }
    if ((tag === 'svg' || tag === 'math') && this.foreignDepth > 0) this.foreignDepth--;
    if (tag === 'select' && this.selectDepth > 0) this.selectDepth--;
  }

  ontext(start: number, end: number): void {
    if (this.rawText === '') return;
    if (this.rawText === 'script' && opensScriptInComment(this.html.slice(start, end))) throw new NotReducible();
    // An element left open to the end of the page ends where its text does: that text stays.
    if (end < this.html.length) this.cuts.cut(start, end);
  }

  ontextentity(): void {}

  oncomment(start: number, end: number, endOffset: number): void {
    // Only a real comment, <!--text-->, loses its text; bogus comments (<!x>, <?x>) stay as they are.
    const closed = end < this.html.length && this.html.charCodeAt(end) === 0x3e;
    if (closed && this.html.startsWith('<!--', start - 4) && end - endOffset > start) this.cuts.cut(start, end - endOffset);
  }

  oncdata(): void {
    if (this.foreignDepth === 0 || this.integrationDepth > 0) throw new NotReducible();
  }

  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}

  private checkStartTag(tag: string): void {
    if (NEVER_REDUCED.has(tag)) throw new NotReducible();
    if (this.selectDepth > 0 && IGNORED_IN_SELECT.has(tag)) throw new NotReducible();
    if (this.foreignDepth > 0 && (this.integrationDepth > 0 || BREAKS_OUT_OF_FOREIGN.has(tag))) throw new NotReducible();
  }

  private endStartTag(selfClosing: boolean): void {
    const tag = this.tag;
    if (this.foreignDepth > 0) {
      if (INTEGRATION_POINTS.has(tag) && !selfClosing) this.integrationDepth++;
    } else {
      if (!KEEPS_ALL_ATTRIBUTES.has(tag)) reduceAttributes(this.html, tag, this.attributes, this.tagNameEnd, this.cuts, this.keys);
      // The tokenizer reads a script or style as raw text whether or not its tag closes itself.
      if (DROPPED_CONTENT.has(tag)) this.rawText = tag;
    }
    if ((tag === 'svg' || tag === 'math') && !selfClosing) this.foreignDepth++;
    if (tag === 'select') this.selectDepth++;
  }
}

/** A `<script` after `<!--` in a script: parse5 then reads past the first `</script>`. */
export function opensScriptInComment(text: string): boolean {
  // Lowercasing maps each character by itself and makes none '<', '!' or '-': the text from the
  // first comment on, lowercased, tells as the whole text lowercased does, without lowercasing a script.
  const comment = text.indexOf('<!--');
  return comment >= 0 && text.slice(comment).toLowerCase().includes('<script');
}

/** The page without what no step reads, or null when it is to be parsed whole. */
export function reducePage(html: string): ReducedPage | null {
  const reducer = new Reducer(html);
  const tokenizer = new Tokenizer({ decodeEntities: false }, reducer);
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (error) {
    if (error instanceof NotReducible) return null;
    throw error;
  }
  const reduced = reducer.cuts.finish();
  const { runOut, runSource } = reducer.cuts;
  return {
    html: reduced,
    original: html,
    originalOffset(offset: number): number {
      const run = lastAtOrBefore(runOut, offset);
      return runSource[run]! + (offset - runOut[run]!);
    },
  };
}

/** Where each line of `text` starts, counting line breaks as parse5 does (LF, CR, CR LF). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
    if (code === 0x0a || code === 0x0d) starts.push(index + 1);
  }
  return starts;
}

/** The index of the last of the ascending `starts` that is at or before `offset` (0 if none is). */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The line and column of an offset, given the offsets where lines start. */
function pointAt(starts: number[], offset: number): Point {
  const line = lastAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}

/**
 * Moves every position in a tree parsed from `page.html` to the original page (template contents
 * included). The offset maps through the cuts; line and column keep parse5's own count and add
 * what the cuts took away before the point, so that they are what parse5 gives for the whole page.
 */
export function restorePositions(tree: Node, page: ReducedPage, originalLines = lineStarts(page.original)): void {
  const reducedLines = lineStarts(page.html);
  const move = (point: Point | undefined): Point | undefined => {
    if (point?.offset === undefined) return point;
    const offset = page.originalOffset(point.offset);
    const original = pointAt(originalLines, offset);
    const reduced = pointAt(reducedLines, point.offset);
    return { line: point.line + original.line - reduced.line, column: point.column + original.column - reduced.column, offset };
  };
  const visit = (node: Node & { children?: Node[]; content?: Node }): void => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) } as Position;
    if (node.children) for (const child of node.children) visit(child);
    if (node.content) visit(node.content);
  };
  visit(tree);
}
