/**
 * Front end for text extracted from an agency's Word file (the format of the sample reports).
 *
 * In that format every table cell is a line that starts with a tab, table rows are separated
 * by blank lines, merged cells come out as empty cells, a merged cell can hold stray blank lines
 * and its text may continue on a line without a tab, and markers such as `[bookmark: _GoBack]`
 * stand in the prose. Everything else is one paragraph per line.
 *
 * The result is an mdast tree: a depth-1 heading for the title, depth-2 headings for the six
 * parts, depth-3 headings for numbered subsection titles, paragraphs, and GFM `table` nodes.
 * Positions point into the source text, so every value can be traced to its line.
 */
import type {
  Heading,
  Paragraph,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { partHeadingOf } from '../report-format/parts.ts';
import { looksLikeValue } from '../report-format/numbers.ts';
import { isSubsectionHeading, joinText } from './block-kinds.ts';

/** Markers Word text extraction leaves in the text; they are not part of the report. */
const EXTRACTION_MARKERS = /\[(?:bookmark|footnoteRef|endnoteRef|annotation)\s*:[^\]]*\]/gi;
/** A paragraph that starts with closing punctuation continues the one before it. */
const CONTINUES_PREVIOUS = /^[》」』）)，,。；;：:、！!？?”’]/;
const ATTACHMENT_LABEL = /^附件\s*\d*\s*[:：]?$/;
const MAX_TITLE_LINE = 50;

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Removes extraction markers and surrounding white space. */
export function cleanLine(line: string): string {
  return line.replace(EXTRACTION_MARKERS, '').trim();
}


function textOf(node: { children: Array<{ type: string; value?: string }> }): string {
  const first = node.children[0];
  return first && first.type === 'text' ? (first.value ?? '') : '';
}

function setText(node: { children: unknown[] }, value: string): void {
  node.children = value === '' ? [] : [{ type: 'text', value }];
}

export function textDumpToMdast(text: string): Root {
  const lines = text.split('\n');
  const lineOffsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineOffsets.push(offset);
    offset += line.length + 1;
  }

  /** Position of `content` (a trimmed piece of line `index`) within that line. */
  const span = (index: number, raw: string, content: string) => {
    const at = Math.max(0, raw.indexOf(content));
    const start: Point = { line: index + 1, column: at + 1, offset: (lineOffsets[index] ?? 0) + at };
    const end: Point = {
      line: index + 1,
      column: at + content.length + 1,
      offset: start.offset + content.length,
    };
    return { start, end };
  };

  const children: RootContent[] = [];
  let table: Table | null = null;
  let row: TableRow | null = null;
  let rowClosed = false;
  let previousWasCell = false;
  let titleLines: Array<{ index: number; raw: string; text: string }> = [];
  let titleDone = false;

  const lastCell = (): TableCell | undefined => row?.children.at(-1);

  const closeTable = () => {
    if (table) {
      const width = Math.max(...table.children.map((r) => r.children.length));
      table.align = Array.from({ length: width }, () => null);
      const lastRow = table.children.at(-1);
      if (table.position && lastRow?.position) table.position.end = lastRow.position.end;
      children.push(table);
    }
    table = null;
    row = null;
    rowClosed = false;
  };

  const flushTitle = () => {
    titleDone = true;
    if (titleLines.length === 0) return;
    const first = titleLines[0]!;
    const last = titleLines.at(-1)!;
    const heading: Heading = {
      type: 'heading',
      depth: 1,
      children: [{ type: 'text', value: titleLines.reduce((acc, l) => joinText(acc, l.text), '') }],
      position: {
        start: span(first.index, first.raw, first.text).start,
        end: span(last.index, last.raw, last.text).end,
      },
    };
    children.push(heading);
    titleLines = [];
  };

  const addCell = (index: number, raw: string) => {
    const content = cleanLine(raw.slice(1));
    const position = span(index, raw, content === '' ? '' : content);
    if (content === '') {
      // An empty cell: point at the character after the tab.
      position.start = { line: index + 1, column: 2, offset: (lineOffsets[index] ?? 0) + 1 };
      position.end = { ...position.start };
    }
    const cell: TableCell = { type: 'tableCell', children: [], position };
    setText(cell, content);
    if (!table) {
      // A merged cell comes out as one cell (or, down a column, as empty ones before the label):
      // no cell of the table stands for the rest of a merged label.
      table = { type: 'table', align: [], children: [], position: { ...position }, data: { cellsAsWritten: true } };
    }
    if (!row || rowClosed) {
      row = { type: 'tableRow', children: [], position: { start: position.start, end: position.end } };
      table.children.push(row);
      rowClosed = false;
    }
    row.children.push(cell);
    if (row.position) row.position.end = position.end;
  };

  /** A line without a tab inside a table: more text for the last cell, or the table's end. */
  const continuesCell = (index: number, content: string): boolean => {
    const cell = lastCell();
    if (!table || !cell || partHeadingOf(content)) return false;
    const cellText = textOf(cell);
    const nextIsCell = lines[index + 1]?.startsWith('\t') ?? false;
    // After a number the table ends, unless a number stands between two cells: that is the
    // cell's second line (3 / 4 is a cell of two numbers, read as none, never 3 with a stray 4).
    if (cellText !== '' && looksLikeValue(cellText)) return previousWasCell && nextIsCell && looksLikeValue(content);
    return previousWasCell || nextIsCell;
  };

  const addText = (index: number, raw: string, content: string) => {
    const position = span(index, raw, content);
    if (!titleDone) {
      const isTitleLine =
        content.length <= MAX_TITLE_LINE &&
        !/[。；;]/.test(content) &&
        !partHeadingOf(content) &&
        !ATTACHMENT_LABEL.test(content);
      if (isTitleLine) {
        titleLines.push({ index, raw, text: content });
        const joined = titleLines.map((l) => l.text).join('');
        if (/报告$/.test(joined)) flushTitle();
        return;
      }
      if (!ATTACHMENT_LABEL.test(content)) {
        // The lines collected so far were not a title: keep them as paragraphs.
        const collected = titleLines;
        titleLines = [];
        titleDone = true;
        for (const l of collected) addText(l.index, l.raw, l.text);
      }
    }

    const part = partHeadingOf(content);
    if (part) {
      titleDone = true;
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: content }], position });
      return;
    }
    if (titleDone && isSubsectionHeading(content)) {
      children.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: content }], position });
      return;
    }
    const previous = children.at(-1);
    if (previous?.type === 'paragraph' && CONTINUES_PREVIOUS.test(content)) {
      setText(previous, joinText(textOf(previous), content));
      if (previous.position) previous.position.end = position.end;
      return;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: content }], position };
    children.push(paragraph);
  };

  lines.forEach((raw, index) => {
    if (raw.startsWith('\t')) {
      if (!titleDone) flushTitle();
      addCell(index, raw);
      previousWasCell = true;
      return;
    }
    const content = cleanLine(raw);
    if (content === '') {
      if (table) rowClosed = true;
      previousWasCell = false;
      return;
    }
    if (table && continuesCell(index, content)) {
      const cell = lastCell()!;
      setText(cell, joinText(textOf(cell), content));
      const end = span(index, raw, content).end;
      if (cell.position) cell.position.end = end;
      if (row?.position) row.position.end = end;
      rowClosed = false;
      previousWasCell = true;
      return;
    }
    closeTable();
    previousWasCell = false;
    addText(index, raw, content);
  });
  closeTable();
  if (!titleDone) flushTitle();

  const lastLine = lines.length;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lastLine, column: (lines.at(-1)?.length ?? 0) + 1, offset: text.length },
    },
  };
}
