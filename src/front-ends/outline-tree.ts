/**
 * The hast tree of a part of a saved web page, built from the outline's events (page-outline.ts)
 * instead of parsing the part again: what parse5 builds from the part, as the fragment parser in
 * the part's context, and hast-util-from-parse5 converts, node for node and position for position.
 *
 * The outline has already said that htmlparser2's elements are where the standard puts them (no
 * irregular place before the part's end). What is left to do as the standard does:
 * - adjacent texts are one text node (htmlparser2 reports an entity as a text of its own);
 * - a <tr> directly in a <table> is put in a <tbody> that the tree builder makes, without a
 *   position, and that ends where the next table part or the table does;
 * - an element closed by another tag ends where that tag begins, or where its last child ends
 *   (hast-util-from-parse5's rule for an element without an end tag);
 * - scripts and styles are empty, and only the attributes that some step reads are kept, as
 *   reduce-page.ts does for parse5.
 * Where the part holds what this does not rebuild (a cell outside a row, a <col> outside a
 * <colgroup>, content that the standard reads otherwise, an element htmlparser2 opened without a
 * start tag, a newline right after <pre>, <listing> or <textarea>), `treeOfRange` returns null
 * and the part is parsed by parse5.
 */
import type { Comment, Element, ElementContent, Properties, Text } from 'hast';
import { h } from 'hastscript';
import type { Point } from 'unist';
import { SPECIAL_CONTENT, type PageOutline } from './page-outline.ts';
import { KEPT_ATTRIBUTES, lastAtOrBefore } from './reduce-page.ts';

interface Frame {
  /** The outline's element, or -1 for a <tbody> the tree builder makes. */
  element: number;
  tag: string;
  children: ElementContent[];
}

const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot', 'caption', 'colgroup']);
const DROPS_LEADING_NEWLINE = new Set(['pre', 'listing', 'textarea']);

/**
 * The element as hastscript's h(tag, attributes, children) makes it, the attributes turned into
 * hast properties: without attributes (most of a report's elements) and a tag name that h would
 * read as a selector, made directly, and the children, which are nodes, put in as they are.
 */
function elementOf(tag: string, attributes: Properties | null, children: ElementContent[]): Element {
  if (attributes === null && !tag.includes('.') && !tag.includes('#')) return { type: 'element', tagName: tag, properties: {}, children };
  const element = h(tag, attributes ?? {}) as Element;
  element.children = children;
  return element;
}

/** Thrown while building when the part holds what the builder does not rebuild. */
class NotRebuilt extends Error {}

/**
 * The nodes between two of the outline's events (exclusive), or null where they cannot be
 * rebuilt; `lines` are the page's line starts.
 */
export function treeOfRange(outline: PageOutline, lines: readonly number[], fromEvent: number, toEvent: number): ElementContent[] | null {
  const { elements, events } = outline;
  let lastLine = 0;
  const point = (offset: number): Point => {
    // Offsets mostly come in order: look near the last line first.
    const line = lines[lastLine]! <= offset && (lastLine + 1 >= lines.length || lines[lastLine + 1]! > offset)
      ? lastLine
      : lastAtOrBefore(lines, offset);
    lastLine = line;
    return { line: line + 1, column: offset - lines[line]! + 1, offset };
  };
  const root: Frame = { element: -2, tag: '', children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;

  const closeFrame = (): void => {
    const frame = stack.pop()!;
    if (frame.element === -1) {
      top().children.push(elementOf(frame.tag, null, frame.children));
      return;
    }
    const outlined = elements[frame.element]!;
    let properties: Properties | null = null;
    for (const name in outlined.attributes) {
      if (KEPT_ATTRIBUTES.has(name)) (properties ??= {})[name] = outlined.attributes[name]!;
    }
    const element = elementOf(frame.tag, properties, frame.children);
    const tail = frame.children.at(-1);
    const end = !outlined.endTag && tail?.position ? { ...tail.position.end } : point(outlined.end);
    element.position = { start: point(outlined.start), end };
    top().children.push(element);
  };

  try {
    for (let index = fromEvent + 1; index < toEvent; index++) {
      const event = events[index]!;
      if (event.kind === 'open') {
        const outlined = elements[event.element]!;
        const tag = outlined.tag;
        if (outlined.special || outlined.impliedStart || SPECIAL_CONTENT.has(tag)) throw new NotRebuilt();
        const parent = top().tag;
        if (parent === 'tbody' && top().element === -1 && TABLE_SECTIONS.has(tag)) closeFrame();
        const inTable = top().tag;
        if (tag === 'tr' && inTable === 'table') stack.push({ element: -1, tag: 'tbody', children: [] });
        else if ((tag === 'td' || tag === 'th') && inTable !== 'tr') throw new NotRebuilt();
        else if (tag === 'col' && inTable !== 'colgroup') throw new NotRebuilt();
        stack.push({ element: event.element, tag, children: [] });
      } else if (event.kind === 'close') {
        if (top().element === -1) closeFrame();
        if (top().element !== event.element) throw new NotRebuilt();
        closeFrame();
      } else if (event.kind === 'comment') {
        const comment: Comment = { type: 'comment', value: event.value, position: { start: point(event.start), end: point(event.end) } };
        top().children.push(comment);
      } else {
        const frame = top();
        const { value, start } = event;
        // The standard drops a newline right after <pre>, <listing> and <textarea>, and moves the
        // text's start past it or not, by how its tokenizer happened to split the text: parse5's to tell.
        if (frame.element >= 0 && DROPS_LEADING_NEWLINE.has(frame.tag) && start === elements[frame.element]!.contentStart
          && value.startsWith('\n')) {
          throw new NotRebuilt();
        }
        // Adjacent texts are one node: an entity, or an end tag that closes nothing, between them.
        const previous = frame.children.at(-1);
        if (previous?.type === 'text') {
          previous.value += value;
          previous.position!.end = point(event.end);
        } else {
          const text: Text = { type: 'text', value, position: { start: point(start), end: point(event.end) } };
          frame.children.push(text);
        }
      }
    }
    if (stack.length !== 1) throw new NotRebuilt();
  } catch (error) {
    if (error instanceof NotRebuilt) return null;
    throw error;
  }
  return root.children;
}
