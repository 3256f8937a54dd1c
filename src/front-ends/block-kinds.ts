/**
 * What every front end needs to decide about a line or a block of text: whether it is a part
 * heading, a subsection heading or prose, and how two pieces of Chinese text are joined.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { partHeadingOf, splitPartHeading } from '../report-format/parts.ts';

const SUBSECTION_NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/;
const MAX_SUBSECTION_HEADING = 30;

/** A short numbered line without a full stop: （一）主要工作, 二、工作措施. */
export function isSubsectionHeading(text: string): boolean {
  return SUBSECTION_NUMBERING.test(text) && text.length <= MAX_SUBSECTION_HEADING && !/[。；;]/.test(text);
}

/** Chinese text and full-width punctuation; full-width digits and letters are no Chinese (３ and ４ are two numbers). */
function isCjk(char: string | undefined): boolean {
  return char !== undefined && /[\u3000-\u9fff\uff00-\uffef]/.test(char) && !/[０-９Ａ-Ｚａ-ｚ]/.test(char);
}

/** Joins two pieces of one cell or paragraph: no space between Chinese text. */
export function joinText(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  return isCjk(before.at(-1)) || isCjk(after[0]) ? before + after : `${before} ${after}`;
}

/**
 * Paragraphs that are headings in fact (web pages and hand-written Markdown often set a part
 * heading as a bold paragraph) become headings: depth 2 for the six parts, 3 for subsections.
 */
export function promoteHeadings(tree: Root): Root {
  splitRunOnHeadings(tree);
  promoteTitle(tree);
  let seenPart = false;
  tree.children = tree.children.map((node): RootContent => {
    if (node.type === 'heading') {
      if (partHeadingOf(toString(node))) seenPart = true;
      return node;
    }
    if (node.type !== 'paragraph') return node;
    const text = toString(node).trim();
    const depth = partHeadingOf(text) ? 2 : seenPart && isSubsectionHeading(text) ? 3 : undefined;
    if (depth === undefined) return node;
    if (depth === 2) seenPart = true;
    const heading: Heading = {
      type: 'heading',
      depth,
      children: [{ type: 'text', value: text }],
      ...(node.position ? { position: node.position } : {}),
    };
    return heading;
  });
  return tree;
}

/**
 * Without a title heading, the first short paragraph before part 1 that names a report is the
 * title (a Word title style comes out of mammoth as a plain paragraph).
 */
function promoteTitle(tree: Root): void {
  const isTitle = (node: RootContent) => node.type === 'heading' && node.depth === 1 && !partHeadingOf(toString(node));
  if (tree.children.some(isTitle)) return;
  for (const [index, node] of tree.children.entries()) {
    if (node.type === 'heading' && partHeadingOf(toString(node))) return;
    if (node.type !== 'paragraph') continue;
    const text = toString(node).trim();
    if (partHeadingOf(text)) return;
    if (text.length <= 60 && /报告$/.test(text) && !/[。；;]/.test(text)) {
      // A title set on two lines (机构名 / 2023年度……报告) is one title.
      const previous = tree.children[index - 1];
      const before = previous?.type === 'paragraph' ? toString(previous).trim() : '';
      const joined = before !== '' && before.length <= 40 && !/[。，,；;：:]/.test(before);
      const start = joined ? previous!.position?.start : node.position?.start;
      tree.children.splice(joined ? index - 1 : index, joined ? 2 : 1, {
        type: 'heading',
        depth: 1,
        children: [{ type: 'text', value: joined ? joinText(before, text) : text }],
        ...(start && node.position ? { position: { start, end: node.position.end } } : {}),
      });
      return;
    }
  }
}

/**
 * A paragraph that starts with a part heading and runs on (一、总体情况2023年，我局……) becomes
 * the heading and a paragraph of the rest, both on the paragraph's line.
 */
function splitRunOnHeadings(tree: Root): void {
  tree.children = tree.children.flatMap((node): RootContent[] => {
    if (node.type !== 'paragraph') return [node];
    const text = toString(node);
    const split = splitPartHeading(text);
    if (!split) return [node];
    const start = node.position?.start;
    const restAt = text.indexOf(split.rest, split.heading.length);
    const middle = start && restAt >= 0 ? { line: start.line, column: start.column + restAt, offset: (start.offset ?? 0) + restAt } : undefined;
    const heading: RootContent = {
      type: 'paragraph',
      children: [{ type: 'text', value: split.heading }],
      ...(start && middle ? { position: { start, end: middle } } : {}),
    };
    const rest: RootContent = {
      type: 'paragraph',
      children: [{ type: 'text', value: split.rest }],
      ...(middle && node.position ? { position: { start: middle, end: node.position.end } } : {}),
    };
    return [heading, rest];
  });
}
