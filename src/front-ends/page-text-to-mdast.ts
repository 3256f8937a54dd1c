/**
 * Front end for the text of a report page that was not saved as a page: selected in a browser
 * and pasted into a text file, taken by a script (innerText), or written by a crawler that keeps
 * a page's text. The site's navigation and footer are in it, the tables have lost their cells'
 * edges, and its lines may end in a lone CR (decodeBytes makes every line end a LF first).
 *
 * 1. Where the report is: from its title (the last line before part 1 that ends in 报告) to the
 *    signature's date, or to the first line of the page's footer. The text around it is read for
 *    what the page states (来源：…, 发布时间：…, 索引号：…) and not put in the tree.
 * 2. Tables: a stretch of short lines that holds numbers, split where a new table begins, read
 *    row by row by the template (template-rows.ts): tabs, blank lines and lines of white space
 *    tell the cells apart only as far as they can; a row that cannot be read is reported.
 * 3. Everything else is a paragraph per line; headings are promoted as for every front end.
 *
 * Positions point into the text, so every value traces to its line.
 */
import type { Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { partHeadingOf } from '../report-format/parts.ts';
import { joinText, promoteHeadings } from './block-kinds.ts';
import type { FrontEndResult } from './front-end.ts';
import { metadataFromText } from './page-parts.ts';
import { lineStarts } from './reduce-page.ts';
import {
  isValueText,
  rowsFromPieces,
  startsTable,
  tableKindOf,
  type FrontEndFinding,
  type Piece,
  type Place,
  type TextRow,
} from './template-rows.ts';

/** Lines of a page's footer and sharing buttons: the report has ended before them. */
const FOOTER =
  /^(?:【?(?:打印|关闭|收藏|分享|返回顶部)|扫一扫|微信扫一扫|主办单位|承办单位|主办[:：]|网站标识码|版权所有|联系我们|网站地图|相关(?:链接|文件|稿件|阅读)|上一篇|下一篇|附件下载|【字体|字号[:：]|分享到)/;
/** A date standing alone: the end of the signature block. */
const DATE_LINE = /^(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})$/;
const TITLE = /报告$/;
const MAX_TITLE = 80;
/** Longer lines are prose, not table rows (a row of a label and seven numbers fits easily). */
const MAX_TABLE_LINE = 120;
const SENTENCE_END = /[。！？!?；;]$|。/;
const AGENCY_END = /(?:局|委员会|委|办公室|办|院|政府|室|处|会|中心|街道|镇|乡|区|县|市|厅|部|所|站|队|管理局|馆)$/;
const SPACES = /[ \u3000\u00a0]+/;

interface Line {
  index: number;
  raw: string;
  text: string;
}

export function pageTextToMdast(text: string): FrontEndResult {
  const raws = text.split('\n');
  const offsets = lineStarts(text);
  const lines: Line[] = raws.map((raw, index) => ({ index, raw, text: raw.replace(/[\t\u00a0\u3000 ]+/g, ' ').trim() }));
  const place = (line: number, column: number): Place => ({ line: line + 1, column: column + 1, offset: offsets[line]! + column });

  const { start, end, title } = reportRange(lines);
  const outsideLines = [...lines.slice(0, title?.from ?? start), ...lines.slice(title ? title.to + 1 : start, start), ...lines.slice(end)];
  const titleLines = title ? lines.slice(title.from, title.to + 1).filter((line) => line.text !== '') : [];
  const titleText = titleLines.length > 0 ? titleLines.map((line) => line.text).reduce(joinText) : null;
  const metadata = metadataFromText(outsideLines.map((line) => line.raw).join('\n'), titleText);

  const body = lines.slice(start, end);
  const nonEmpty = body.filter((line) => line.text !== '');
  const followedByBlank = nonEmpty.filter((line) => (raws[line.index + 1] ?? '').trim() === '').length;
  const options = { blankLinesSeparate: nonEmpty.length > 0 && followedByBlank / nonEmpty.length >= 0.5 };

  const findings: FrontEndFinding[] = [];
  const children: RootContent[] = [];
  if (titleText !== null) {
    const first = titleLines[0]!;
    const last = titleLines.at(-1)!;
    children.push({
      type: 'heading',
      depth: 1,
      children: [{ type: 'text', value: titleText }],
      position: { start: place(first.index, first.raw.indexOf(first.text[0]!)), end: place(last.index, last.raw.trimEnd().length) },
    });
  }
  const paragraph = (line: Line) => {
    const from = line.raw.indexOf(line.text.slice(0, 1));
    const node: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: line.text }],
      position: { start: place(line.index, Math.max(0, from)), end: place(line.index, line.raw.trimEnd().length) },
    };
    children.push(node);
  };

  let index = 0;
  while (index < body.length) {
    const line = body[index]!;
    if (line.text === '') {
      index++;
      continue;
    }
    if (!isTableLine(line)) {
      paragraph(line);
      index++;
      continue;
    }
    // A stretch of table lines (blank lines inside it included).
    let to = index;
    while (to < body.length && (body[to]!.text === '' || isTableLine(body[to]!))) to++;
    while (to > index && body[to - 1]!.text === '') to--;
    const stretch = body.slice(index, to);
    const pieces = stretch.flatMap((l) => piecesOf(l, place));
    if (pieces.filter((piece) => piece.kind === 'value').length < 2) {
      for (const l of stretch) if (l.text !== '') paragraph(l);
      index = to;
      continue;
    }
    for (const group of splitTables(pieces)) {
      const kind = tableKindOf(group.filter((p) => p.kind === 'text').map((p) => p.text).join('|'));
      const rows = rowsFromPieces(group, kind, options, findings);
      if (rows.length > 0) children.push(tableNode(rows));
    }
    index = to;
  }

  const tree: Root = {
    type: 'root',
    children,
    position: { start: place(0, 0), end: place(raws.length - 1, raws.at(-1)!.length) },
  };
  promoteHeadings(tree);
  return { tree, metadata, findings };
}

function isTableLine(line: Line): boolean {
  if (line.text.length > MAX_TABLE_LINE || partHeadingOf(line.text)) return false;
  return !SENTENCE_END.test(line.text) || line.raw.includes('\t');
}

/** Where the report is in the page's text, and the line of its title. */
function reportRange(lines: Line[]): { start: number; end: number; title: { from: number; to: number } | null } {
  const parts = lines.filter((line) => partHeadingOf(line.text)).map((line) => line.index);
  if (parts.length === 0) return { start: 0, end: lines.length, title: null };
  const first = parts[0]!;
  const last = parts.at(-1)!;

  let title: number | null = null;
  for (let i = first - 1; i >= Math.max(0, first - 60); i--) {
    const text = lines[i]!.text;
    if (text.length <= MAX_TITLE && TITLE.test(text) && !/[。；;]/.test(text)) {
      title = i;
      break;
    }
  }
  let start: number;
  /** The title's last line; `title` becomes its first. */
  const titleEnd = title ?? -1;
  if (title !== null) {
    // A title on two lines: the agency's name on the line before 2023年……报告.
    const before = lines[title - 1]?.text ?? '';
    if (/^(?:19|20)\d{2}/.test(lines[title]!.text) && before.length <= 40 && AGENCY_END.test(before)) title--;
    // Between the title and the report: the page's bylines and buttons (来源、时间、分享).
    start = titleEnd + 1;
    while (start < first && !isProse(lines[start]!.text)) start++;
  } else {
    // No title: the sentences just before part 1 are its preamble.
    start = first;
    for (let i = first - 1; i >= 0; i--) {
      if (lines[i]!.text === '') continue;
      if (!isProse(lines[i]!.text)) break;
      start = i;
    }
  }

  let end = lines.length;
  for (let i = last + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (FOOTER.test(text)) {
      end = i;
      break;
    }
    if (DATE_LINE.test(text)) {
      end = i + 1;
      break;
    }
  }
  return { start, end, title: title === null ? null : { from: title, to: titleEnd } };
}

function isProse(text: string): boolean {
  return text.length > 40 || SENTENCE_END.test(text) || partHeadingOf(text) !== undefined;
}

/** A line's pieces: cells split at tabs, or a label and the numbers after it split at spaces. */
function piecesOf(line: Line, place: (line: number, column: number) => Place): Piece[] {
  const raw = line.raw;
  if (raw.trim() === '' && !raw.includes('\t')) {
    const kind = raw === '' ? 'blank-line' : 'space-line';
    return [{ kind, text: '', start: place(line.index, 0), end: place(line.index, raw.length) }];
  }
  const piece = (from: number, to: number): Piece[] => {
    const part = raw.slice(from, to);
    const trimmed = part.trim();
    if (trimmed === '') return [];
    const at = from + part.indexOf(trimmed);
    return [
      {
        kind: isValueText(trimmed) ? 'value' : 'text',
        text: trimmed.replace(/[\u00a0\u3000 ]+/g, ' '),
        start: place(line.index, at),
        end: place(line.index, at + trimmed.length),
      },
    ];
  };
  if (raw.includes('\t')) {
    const pieces: Piece[] = [];
    let from = 0;
    for (let i = 0; i <= raw.length; i++) {
      if (i < raw.length && raw[i] !== '\t') continue;
      pieces.push(...piece(from, i));
      if (i < raw.length) pieces.push({ kind: 'tab', text: '\t', start: place(line.index, i), end: place(line.index, i + 1) });
      from = i + 1;
    }
    return pieces;
  }
  // A label with its numbers run on without a space (一、本年新收政府信息公开申请数量4000004):
  // the label and the digits, which the template reader then counts (and refuses if they are
  // several cells run together).
  const runOn = /^(.*[\u4e00-\u9fff）)])([0-9０-９]+)$/.exec(raw.trimEnd());
  if (runOn && !/\s/.test(raw.trim()) && runOn[1]!.trim().length >= 2) {
    const cut = runOn[1]!.length;
    return [...piece(0, cut), ...piece(cut, raw.trimEnd().length)];
  }
  // A label followed by numbers on one line (规章 0 0 0), or numbers alone (0  0  —).
  const words: Array<{ from: number; to: number }> = [];
  const pattern = new RegExp(SPACES.source, 'g');
  let last = 0;
  const trimmedEnd = raw.trimEnd().length;
  for (const match of raw.slice(0, trimmedEnd).matchAll(pattern)) {
    if (match.index > last) words.push({ from: last, to: match.index });
    last = match.index + match[0].length;
  }
  if (last < trimmedEnd) words.push({ from: last, to: trimmedEnd });
  let numbers = words.length;
  while (numbers > 0 && isValueText(raw.slice(words[numbers - 1]!.from, words[numbers - 1]!.to))) numbers--;
  const valueCount = words.length - numbers;
  if (words.length >= 2 && valueCount >= 1 && (numbers > 0 || valueCount >= 2)) {
    const label = numbers > 0 ? piece(words[0]!.from, words[numbers - 1]!.to) : [];
    return [...label, ...words.slice(numbers).flatMap((word) => piece(word.from, word.to))];
  }
  return piece(0, raw.length);
}

/** The pieces of a stretch split where a new table begins (第二十条第（一）项, 申请人情况, 行政复议). */
function splitTables(pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [[]];
  let kind: string | null = null;
  for (const piece of pieces) {
    const starts = piece.kind === 'text' ? startsTable(piece.text) : null;
    if (starts && starts !== kind && groups.at(-1)!.some((p) => p.kind === 'value')) groups.push([]);
    if (starts) kind = starts;
    groups.at(-1)!.push(piece);
  }
  return groups.filter((group) => group.length > 0);
}

function tableNode(rows: TextRow[]): Table {
  const width = Math.max(...rows.map((row) => row.length));
  const children: TableRow[] = rows.map((row) => ({
    type: 'tableRow',
    children: row.map(
      (cell): TableCell => ({
        type: 'tableCell',
        children: cell.text === '' ? [] : [{ type: 'text', value: cell.text }],
        position: { start: cell.start, end: cell.end },
      }),
    ),
    position: { start: row[0]!.start, end: row.at(-1)!.end },
  }));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children,
    position: { start: rows[0]![0]!.start, end: rows.at(-1)!.at(-1)!.end },
    // The template's rows put label cells and exactly the row's value cells: nothing fills a grid.
    data: { cellsAsWritten: true },
  };
}
