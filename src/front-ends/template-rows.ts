/**
 * Reading a statistical table from text that lost its cell structure — text copied from a page,
 * a crawler's capture, a PDF's text — by the template's rows: after a row label come exactly as
 * many cells as the template gives the row.
 *
 * The input is the table's pieces in reading order: texts (labels and headers), values, and the
 * separators between them (a tab, which always ends a cell; a blank line; a line of white space,
 * which a blank cell leaves in copied text). Pieces between two labels are the values of the
 * first. They become cells by these rules, and nothing else is guessed:
 *
 * - where tabs separate them, each tab-delimited stretch is one cell (none between two tabs: a
 *   blank cell);
 * - else, if there are exactly as many values as the row has cells, those are the cells (unless
 *   the row's cells stand a line each and a blank line among them is a blank cell besides: then
 *   one of them is too many);
 * - else, if the values and the blank lines between them make up exactly the row's cells, the
 *   blank lines are blank cells;
 * - else the row cannot be read: it keeps its label, its numbers go on a row of their own under a
 *   marker no template row has (so no extractor puts them in a column and the row stays null),
 *   and a finding says why.
 *
 * The rows come out in the shape the extractors read from any table: an item row
 * (第二十条第（一）项), header rows, and rows of label cells then value cells.
 */
import { TABLE_SHORT_NAMES, type TableKey } from '../report-format/tables.ts';
import { APPLICANT_COLUMNS, APPLICATION_GROUPS, APPLICATION_ROWS } from '../report-format/applications.ts';
import { normalizeLabel, splitNormalizedNumbering } from '../report-format/labels.ts';
import { looksLikeValue } from '../report-format/numbers.ts';
import { ALL_PROACTIVE_ROWS, proactiveRowsFor, type ProactiveRowSpec } from '../report-format/proactive.ts';
import { NEWEST_FIRST } from '../report-format/templates/index.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import type { Template } from '../schema/report.ts';

export interface Place {
  line: number;
  column: number;
  offset: number;
}

/** One piece of a table's text. */
export interface Piece {
  kind: 'text' | 'value' | 'tab' | 'blank-line' | 'space-line';
  text: string;
  start: Place;
  end: Place;
}

export interface TextCell {
  text: string;
  start: Place;
  end: Place;
}

export type TextRow = TextCell[];

export interface FrontEndFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

export type TableKind = TableKey | 'other';

export interface RowsOptions {
  /** Whether blank lines separate every piece (copied text): then a blank line is no cell. */
  blankLinesSeparate: boolean;
}

/** The marker before numbers that could not be placed in a column (see `emit`). */
export const UNPLACED = '（无法确定所属栏目的数字）';
const REVIEW_WIDTH = REVIEW_GROUPS.length * REVIEW_OUTCOMES.length;
const ITEM = /第二十条.*?第?\(([一二三四五六七八九十]+)\)项/;
const NUMBERED = /^(?:\(([一二三四五六七八九十]+|\d+)\)|([一二三四五六七八九十]+|\d+)[、.．])/;

/** Header texts of each table, as the templates print them: wrapped header cells are joined back to these. */
const HEADER_LABELS: Record<TableKind, string[]> = {
  proactive: [
    '信息内容',
    ...[...'一二三四五六七八九十'].map((n) => `第二十条第（${n}）项`),
    ...ALL_PROACTIVE_ROWS.flatMap((row) => row.columns.map((c) => c.label)),
  ],
  applications: ['申请人情况', '法人或其他组织', ...APPLICANT_COLUMNS.map((c) => c.label)],
  reviewLitigation: [
    ...REVIEW_GROUPS.map((g) => g.label),
    '行政诉讼',
    '未经复议直接起诉',
    '复议后起诉',
    ...REVIEW_OUTCOMES.map((o) => o.label),
  ],
  other: [],
};

export function isValueText(text: string): boolean {
  return text !== '' && looksLikeValue(text);
}

/** Which of the three tables a stretch of table text is. */
export function tableKindOf(text: string): TableKind {
  const normalized = normalizeLabel(text);
  if (/本年新收|上年结转|本年度办理结果|予以公开|结转下年度/.test(normalized)) return 'applications';
  if (/行政复议/.test(normalized) && /行政诉讼|复议后起诉/.test(normalized)) return 'reviewLitigation';
  if (/第二十条|信息内容|规范性文件|行政许可|行政处罚/.test(normalized)) return 'proactive';
  return 'other';
}

/** Starts of a new table within a stretch of table text: where one table ends and the next begins. */
export function startsTable(text: string): TableKind | null {
  const normalized = normalizeLabel(text);
  if (/^第二十条.*第\(一\)项$/.test(normalized)) return 'proactive';
  if (/^申请人情况$|^\(本列数据的勾稽关系/.test(normalized)) return 'applications';
  if (/^行政复议$/.test(normalized)) return 'reviewLitigation';
  if (/信息处理费|^(?:通知)?收取件数/.test(normalized)) return 'other';
  return null;
}

interface Run {
  labels: Piece[];
  values: Piece[];
}

/** Splits the pieces into runs: texts, then the values (and separators) up to the next text. */
function runsOf(pieces: Piece[]): Run[] {
  const runs: Run[] = [];
  let current: Run = { labels: [], values: [] };
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      if (current.values.some((p) => p.kind === 'value')) {
        runs.push(current);
        current = { labels: [], values: [] };
      } else if (current.values.length > 0) {
        // Separators between texts: keep a tab (a blank cell between labels is still a cell).
        current.values = [];
      }
      current.labels.push(piece);
    } else {
      current.values.push(piece);
    }
  }
  if (current.labels.length > 0 || current.values.length > 0) runs.push(current);
  return runs;
}

function cellOf(piece: Piece): TextCell {
  return { text: piece.text, start: piece.start, end: piece.end };
}

function blankCellAt(piece: Piece): TextCell {
  return { text: '', start: piece.start, end: piece.start };
}

function describe(pieces: Piece[]): string {
  return pieces.map((p) => `“${p.text}”`).join('、');
}

/**
 * The cells of one row's values, `width` of them if it is known. Returns the cells and, where
 * they could not be told, why.
 */
export function valueCells(
  values: Piece[],
  width: number | null,
  options: RowsOptions,
): { cells: TextCell[]; problem: string | null } {
  const numbers = values.filter((p) => p.kind === 'value');
  if (values.some((p) => p.kind === 'tab')) {
    // Each stretch between tabs is a cell; a leading tab only ends the label's cell.
    const stretches: Piece[][] = [[]];
    for (const piece of values) {
      if (piece.kind === 'tab') stretches.push([]);
      else stretches.at(-1)!.push(piece);
    }
    if (stretches[0]!.every((p) => p.kind !== 'value')) stretches.shift();
    const cells: TextCell[] = [];
    let problem: string | null = null;
    for (const stretch of stretches) {
      const inside = stretch.filter((p) => p.kind === 'value');
      if (inside.length === 0) {
        const at = stretch[0];
        if (at) cells.push(blankCellAt(at));
        else cells.push({ text: '', start: values[0]!.start, end: values[0]!.start });
      } else {
        cells.push(...inside.map(cellOf));
        if (inside.length > 1) problem = `同一单元格中有${inside.length}个数字（${describe(inside)}）`;
      }
    }
    // A tab after the last cell (a row ended by a tab) leaves an empty stretch that is no cell.
    while (width !== null && cells.length > width && cells.at(-1)!.text === '' && stretches.at(-1)!.length === 0) cells.pop();
    if (width !== null && cells.length !== width && !problem) {
      problem = `读到${cells.length}个单元格（${describe(numbers)}），应为${width}个`;
    }
    return { cells, problem };
  }
  if (width === null) return { cells: numbers.map(cellOf), problem: null };
  // Where a blank cell may be: a line of white space (a cell of &nbsp;), a blank line where
  // lines are not double-spaced, and where they are, a second blank line in a row.
  const blanks = values.filter(
    (p, i) =>
      p.kind === 'space-line' ||
      (p.kind === 'blank-line' && (!options.blankLinesSeparate || values[i - 1]?.kind === 'blank-line')),
  );
  // As many numbers as cells and a blank cell besides is a cell too many (a stray number), which
  // one is not known; but a blank is surely a cell only where the row's cells stand a line each,
  // one under the other (a crawler's capture), not where blank lines also part a cell's
  // paragraphs (copied text, where a cell's <p>&nbsp;</p> leaves a line of white space too).
  const lineByLine = values.some((p, i) => p.kind === 'value' && values[i + 1]?.kind === 'value' && values[i + 1]!.start.line === p.end.line + 1);
  const certainBlanks = options.blankLinesSeparate || !lineByLine ? [] : blanks;
  if (numbers.length === width && certainBlanks.length === 0) return { cells: numbers.map(cellOf), problem: null };
  if (numbers.length < width && numbers.length + blanks.length === width) {
    const cells = values.filter((p) => p.kind === 'value' || blanks.includes(p)).map((p) => (p.kind === 'value' ? cellOf(p) : blankCellAt(p)));
    return { cells, problem: null };
  }
  // Digits enough to be the missing cells run together (000 where three cells are missing one blank).
  const runTogether = numbers.find((p) => /^\d+$/.test(p.text) && p.text.length > width - numbers.length);
  let problem: string;
  if (numbers.length > width) {
    problem = `读到${numbers.length}个数字（${describe(numbers)}），多于应有的${width}个`;
  } else if (blanks.length > 0) {
    problem = `读到${numbers.length}个数字和${blanks.length}处空白，应为${width}个单元格：分不清哪些空白是空单元格，哪些只是分隔`;
  } else {
    problem = `只读到${numbers.length}个数字（${describe(numbers)}），应为${width}个：空单元格在这种文本中没有留下痕迹，无法确定缺的是哪几栏`;
  }
  if (runTogether && numbers.length < width) {
    problem += `；“${runTogether.text}”可能是几个数字连在一起，不作拆分`;
  }
  return { cells: values.filter((p) => p.kind === 'value').map(cellOf), problem };
}

/**
 * Header texts broken into pieces, down to one character a line (本 / 年 / 增 / / / 减), put back
 * together where the pieces make up exactly one of the table's header texts: a slash or a dash
 * among them is then part of the text, not a placeholder value.
 */
function mergeHeaderPieces(pieces: Piece[], kind: TableKind): Piece[] {
  const labels = HEADER_LABELS[kind].map(normalizeLabel);
  const isPrefix = (text: string) => labels.some((label) => label.startsWith(text));
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i]!;
    if (first.kind !== 'text') {
      out.push(first);
      i++;
      continue;
    }
    let text = normalizeLabel(first.text);
    /** The last piece up to which the pieces make exactly one header text. */
    let best = -1;
    let j = i;
    while (j + 1 < pieces.length) {
      const next = pieces[j + 1]!;
      if (next.kind === 'blank-line' || next.kind === 'space-line' || next.kind === 'tab') {
        j++;
        continue;
      }
      const joinable = next.kind === 'text' || (next.kind === 'value' && !/[0-9０-９]/.test(next.text));
      const joined = text + normalizeLabel(next.text);
      if (!joinable || !isPrefix(joined)) break;
      text = joined;
      j++;
      if (labels.includes(text)) best = j;
    }
    if (best > i) {
      const used = pieces.slice(i, best + 1).filter((p) => p.kind === 'text' || p.kind === 'value');
      out.push({ kind: 'text', text: used.map((p) => p.text).join(''), start: first.start, end: used.at(-1)!.end });
      i = best + 1;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}

/** Joins wrapped header pieces (商业 / 企业, 本 / 年 / …) back into the template's header texts. */
export function joinHeaderPieces(pieces: Piece[], kind: TableKind): TextCell[] {
  const labels = HEADER_LABELS[kind].map(normalizeLabel);
  const isPrefix = (text: string) => labels.some((label) => label.startsWith(text));
  const cells: TextCell[] = [];
  for (const piece of pieces) {
    const last = cells.at(-1);
    const joined = last ? normalizeLabel(last.text + piece.text) : '';
    if (last && !labels.includes(normalizeLabel(last.text)) && isPrefix(joined)) {
      last.text = joinPieces(last.text, piece.text);
      last.end = piece.end;
    } else {
      cells.push(cellOf(piece));
    }
  }
  return cells;
}

function joinPieces(before: string, after: string): string {
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(before) || /^[\u3000-\u9fff\uff00-\uffef]/.test(after)
    ? before + after
    : `${before} ${after}`;
}

/** Label pieces of a row: a piece that continues the one before (no numbering of its own) is joined to it. */
function labelCells(pieces: Piece[]): TextCell[] {
  const cells: TextCell[] = [];
  for (const piece of pieces) {
    const last = cells.at(-1);
    if (last && isContinuation(piece.text)) {
      last.text = joinPieces(last.text, piece.text);
      last.end = piece.end;
    } else {
      cells.push(cellOf(piece));
    }
  }
  return cells;
}

/**
 * Whether a cell's text starts a row of its own: a numbering (every row of the applications
 * matrix has one), a group's wording, an item (第二十条…), a row of the Article 20 tables
 * (规章, 行政许可 …). The rest of a broken label (由逾期不补正……) starts none, even where it holds
 * a row's key word.
 */
export function startsOwnRow(text: string): boolean {
  const normalized = normalizeLabel(text);
  if (NUMBERED.test(normalized) || ITEM.test(normalized) || groupOfLabel(text) !== undefined) return true;
  return ALL_PROACTIVE_ROWS.some((row) => row.pattern.test(normalized)) || /^(?:总计|合计)$/.test(normalized);
}

/** A piece that goes on from the one before: no numbering, no row's or group's wording. */
function isContinuation(text: string): boolean {
  const normalized = normalizeLabel(text);
  return !NUMBERED.test(normalized) && !isRowLabel(normalized);
}

function groupOfLabel(text: string): string | undefined {
  const { text: bare } = splitNormalizedNumbering(normalizeLabel(text));
  return APPLICATION_GROUPS.find((group) => group.pattern.test(bare))?.key;
}

function isRowLabel(normalized: string): boolean {
  const { text } = splitNormalizedNumbering(normalized);
  return (
    APPLICATION_ROWS.some((spec) => spec.pattern.test(text)) ||
    APPLICATION_GROUPS.some((group) => group.pattern.test(text)) ||
    ALL_PROACTIVE_ROWS.some((row) => row.pattern.test(text))
  );
}

function templateOf(text: string): Template | null {
  return (NEWEST_FIRST.find((template) => template.signs.proactive.test(text))?.id as Template | undefined) ?? null;
}

function proactiveSpec(label: string, template: Template | null, item: string | null): ProactiveRowSpec | undefined {
  const templates: readonly string[] = template ? [template] : NEWEST_FIRST.map((t) => t.id);
  for (const t of templates) {
    const rows = proactiveRowsFor(t);
    const spec = rows.find((s) => s.item === item && s.pattern.test(label)) ?? rows.find((s) => s.pattern.test(label));
    if (spec) return spec;
  }
  return undefined;
}

/**
 * The rows of one table read from its pieces. `findings` receives a finding for each row whose
 * cells could not be told apart.
 */
export function rowsFromPieces(input: Piece[], kind: TableKind, options: RowsOptions, findings: FrontEndFinding[]): TextRow[] {
  const rows: TextRow[] = [];
  const pieces = mergeHeaderPieces(input, kind);
  const text = normalizeLabel(pieces.filter((p) => p.kind === 'text').map((p) => p.text).join('|'));
  const template = templateOf(text);
  let item: string | null = null;
  let bodyStarted = false;
  /** The applications row read last: its label cells are the row's own (emit keeps them). */
  let lastDataRow: { row: TextRow; labels: number } | null = null;

  /**
   * A row whose cells could not be told apart keeps its label, and its numbers go on a row of
   * their own under a marker that no template row has, so that no extractor reads them into a
   * column; the finding says why.
   */
  const emit = (label: TextCell[], cells: TextCell[], problem: string | null, values: Piece[], name: string): TextRow | null => {
    if (!problem) {
      const row = [...label, ...cells];
      rows.push(row);
      return row;
    }
    const at = values.find((p) => p.kind === 'value') ?? values[0];
    const place = at?.start ?? label[0]?.start;
    findings.push({
      rule: 'cells-ambiguous',
      severity: 'error',
      message: `${tableName(kind)}“${name}”一行的单元格无法确定：${problem}。这些数字不归入任何一栏，该行记为空（null）；请用机构发布的网页或 Word 版本核对`,
      line: place?.line ?? 0,
      column: place?.column ?? 0,
    });
    if (label.length > 0) rows.push(label);
    if (place) rows.push([{ text: UNPLACED, start: place, end: place }, ...cells]);
    return null;
  };

  for (const run of runsOf(pieces)) {
    let labels = run.labels;
    const hasValues = run.values.some((p) => p.kind === 'value');

    if (kind === 'proactive') {
      // Item rows and header rows stand alone before the data rows.
      let index = 0;
      while (index < labels.length) {
        const piece = labels[index]!;
        const normalized = normalizeLabel(piece.text);
        const found = ITEM.exec(normalized);
        if (found) {
          item = found[1]!;
          rows.push([cellOf(piece)]);
          index++;
          continue;
        }
        if (normalized === '信息内容') {
          // The header runs to the row label (the last piece before values), or to the next item row.
          let end = index + 1;
          while (end < labels.length && !ITEM.test(normalizeLabel(labels[end]!.text)) && !(hasValues && end === labels.length - 1 && proactiveSpec(normalizeLabel(labels[end]!.text), template, item))) end++;
          rows.push(joinHeaderPieces(labels.slice(index, end), kind));
          index = end;
          continue;
        }
        break;
      }
      labels = labels.slice(index);
      if (labels.length === 0) continue;
      const labelText = normalizeLabel(labels.map((p) => p.text).join(''));
      const spec = proactiveSpec(labelText, template, item);
      const width = hasValues && spec ? (template ? spec.columns.length : null) : null;
      const { cells, problem } = valueCells(run.values, width, options);
      emit(labelCells(labels), cells, problem, run.values, spec?.label ?? labels.map((p) => p.text).join(''));
      continue;
    }

    if (kind === 'applications' || kind === 'reviewLitigation') {
      if (!hasValues) {
        if (labels.length > 0) rows.push(...headerRows(labels, kind));
        continue;
      }
      if (kind === 'reviewLitigation') {
        if (labels.length > 0) rows.push(...headerRows(labels, kind));
        const { cells, problem } = valueCells(run.values, REVIEW_WIDTH, options);
        emit([], cells, problem, run.values, '数字');
        continue;
      }
      // The header stands before the first row label.
      if (!bodyStarted) {
        // Every row of the matrix is numbered (一、本年新收……); 总计 in the header is a column.
        const first = labels.findIndex((p) => NUMBERED.test(normalizeLabel(p.text)) || groupOfLabel(p.text) !== undefined);
        const start = first < 0 ? labels.length - 1 : first;
        if (start > 0) rows.push(...headerRows(labels.slice(0, start), kind));
        labels = labels.slice(start);
        bodyStarted = true;
      }
      const label = labelCells(labels);
      const previous = lastDataRow;
      if (previous && label.length > 1 && isContinuation(label[0]!.text)) {
        // The end of the last row's label, carried onto the next line or page (1.属于国家 / 秘密).
        const end = label.shift()!;
        const last = previous.row[previous.labels - 1]!;
        last.text = joinPieces(last.text, end.text);
        last.end = end.end;
      }
      const group = label.findIndex((cell) => groupOfLabel(cell.text) !== undefined);
      if (previous && group >= 0 && group < label.length - 1) {
        // A merged group cell whose text stands lower than its first row (centred in it, or
        // carried onto the next page): it belongs to the row before if that row is its group's.
        const key = groupOfLabel(label[group]!.text)!;
        const ownLabel = previous.row[previous.labels - 1]!;
        const before = splitNormalizedNumbering(normalizeLabel(ownLabel.text)).text;
        const ownRow = APPLICATION_ROWS.filter((spec) => spec.pattern.test(before));
        const hasGroup = previous.row.slice(0, previous.labels).some((cell) => groupOfLabel(cell.text) === key);
        if (ownRow.length > 0 && ownRow.every((spec) => spec.group === key) && !hasGroup) {
          previous.row.splice(previous.labels - 1, 0, label.splice(group, 1)[0]!);
        }
      }
      const { cells, problem } = valueCells(run.values, APPLICANT_COLUMNS.length, options);
      const row = emit(label, cells, problem, run.values, label.at(-1)?.text ?? '');
      lastDataRow = row ? { row, labels: label.length } : null;
      continue;
    }

    // A table of no known kind (the fees table some agencies add): a label with its numbers,
    // or a header over a row of numbers, the titles above it on rows of their own.
    const { cells } = valueCells(run.values, null, options);
    if (labels.length <= 1 || cells.length === 0) {
      rows.push([...labelCells(labels), ...cells]);
    } else if (labels.length >= cells.length) {
      const titles = labels.length - cells.length;
      for (const title of labels.slice(0, titles)) rows.push([cellOf(title)]);
      rows.push(labels.slice(titles).map(cellOf), cells);
    } else {
      rows.push(labels.map(cellOf), [{ text: UNPLACED, start: cells[0]!.start, end: cells[0]!.start }, ...cells]);
    }
  }
  return rows.filter((row) => row.length > 0);
}

/** Header pieces as rows: the applicant columns (商业企业 … 其他) as a row of their own, as the template has them. */
function headerRows(pieces: Piece[], kind: TableKind): TextRow[] {
  const cells = joinHeaderPieces(pieces, kind);
  if (kind !== 'applications') return [cells];
  const from = cells.findIndex((cell) => normalizeLabel(cell.text) === '商业企业');
  if (from <= 0) return [cells];
  return [cells.slice(0, from), cells.slice(from)];
}

function tableName(kind: TableKind): string {
  return kind === 'other' ? '表格' : TABLE_SHORT_NAMES[kind];
}
