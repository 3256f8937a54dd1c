/**
 * Part 3, the applications matrix, read by row label. Labels drift, rows go missing, merged
 * cells come out as blanks and the 2019 template has one 其他处理 row where 2021 has three: every
 * row is identified by its label within its group, every expected row that is not found is
 * reported with its cells left null, and a row whose label matches nothing is reported with its
 * numbers, never dropped silently.
 */
import { TABLE_LABELS, TABLE_SHORT_NAMES } from '../report-format/tables.ts';
import { lineLabel } from '../diagnostics/line-label.ts';
import type { Applications, Template } from '../schema/report.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_ROWS,
  applicationRowsFor,
  type ApplicationRowSpec,
  type GroupKey,
} from '../report-format/applications.ts';
import { similarity, splitNormalizedNumbering, splitNumbering } from '../report-format/labels.ts';
import { looksLikeValue } from '../report-format/numbers.ts';
import type { LocatedTable } from '../structure/find-sections.ts';
import { rowLine, type Cell, type Row } from '../structure/table-cells.ts';
import {
  describeCells,
  hasNumbers,
  isEmptyRow,
  noteRow,
  numberCells,
  readValue,
  rowsAsWritten,
  setPath,
  type ValueContext,
} from './read-values.ts';

const WIDTH = APPLICANT_COLUMNS.length;
/** Each group's parent group (denied sits in results), from the template descriptions. */
const PARENT = new Map(APPLICATION_GROUPS.map((group) => [group.key, group.parent]));
/** A drifted label is accepted as a template row from this similarity on (0 to 1). */
const MIN_SIMILARITY = 0.5;

interface SplitRow {
  labels: Cell[];
  values: Cell[];
}

/**
 * Label cells come first; the value cells are the trailing cells that read as values, seven of
 * them. Trailing value cells beyond seven are the rest of a merged label only where they are
 * blank and may stand for a merged label's columns (a Markdown table has no other way to write
 * one); a number is never a label, and in a table whose every cell is its source's (the text of
 * a Word file or of a page) a blank cell is a cell. Else the row keeps them among its values, a
 * row too wide to read.
 */
function splitRow(row: Row, cellsAsWritten: boolean): SplitRow {
  let start = row.length;
  // The rest of a merged label cell (a colspan) is part of the label, never a blank value.
  while (start > 0 && looksLikeValue(row[start - 1]!.text) && !row[start - 1]!.spanned) start--;
  const extra = row.length - start - WIDTH;
  if (extra > 0 && !cellsAsWritten && row.slice(start, start + extra).every((cell) => cell.text === '')) start += extra;
  return { labels: row.slice(0, start), values: row.slice(start) };
}

function groupOf(text: string): GroupKey | undefined {
  return APPLICATION_GROUPS.find((group) => group.pattern.test(text))?.key;
}

/** Whether a row of group `spec.group` may stand where the current group is `group`. */
function fitsGroup(spec: ApplicationRowSpec, group: GroupKey | null): boolean {
  if (spec.group === null) return true;
  // A row of a group may stand in that group or in any group within it (（七）总计 after （六）).
  for (let at: GroupKey | null | undefined = group; at; at = PARENT.get(at)) if (at === spec.group) return true;
  return false;
}

function bareLabel(spec: ApplicationRowSpec): string {
  return splitNumbering(spec.label).text;
}

/** Drift the format documents (情况 for 情形, 内容事务 for 内部事务) is accepted without a warning. */
function withoutKnownDrift(text: string): string {
  return text.replace(/情况/g, '情形').replace(/内容事务/g, '内部事务');
}

/** Whether a label that matched a row's pattern is the template's wording, give or take known drift. */
function isTemplateWording(text: string, spec: ApplicationRowSpec): boolean {
  const printed = withoutKnownDrift(text);
  const wording = withoutKnownDrift(bareLabel(spec));
  // The long 部分公开 label is often printed without its parenthesis.
  return printed === wording || printed === wording.replace(/\(.*\)$/, '');
}

export function extractApplications(
  tables: LocatedTable[],
  template: Template,
  context: ValueContext,
): Applications {
  const { findings } = context;
  const expected = applicationRowsFor(template);
  const result: Record<string, unknown> = {};
  for (const spec of expected) {
    setPath(result, spec.path, Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, null])));
  }
  const applications = result as unknown as Applications;

  if (tables.length === 0) {
    findings.error(
      'missing-table',
      `未找到“${TABLE_LABELS.applications}”表（第三部分）：其全部单元格记为空（null）`,
      { paths: ['applications'] },
    );
    return applications;
  }

  const rows = tables.flatMap((table) => table.rows);
  const asWritten = rowsAsWritten(tables);
  const tableStart = tables[0]!.line;
  const tableEnd = Math.max(...tables.map((table) => table.endLine));
  checkColumns(rows, tableStart, context);

  const filled = new Map<string, number>();
  let group: GroupKey | null = null;
  let inBody = false;

  for (const row of rows) {
    if (isEmptyRow(row)) continue;
    const { labels, values } = splitRow(row, asWritten.has(row));
    const strayNumbers = numberCells(labels);
    const labelTexts = labels.filter((cell) => cell.text !== '' && !strayNumbers.includes(cell));
    /** Every number of the row, for messages: the stray ones among the labels too. */
    const rowValues = [...strayNumbers, ...values];
    const line = rowLine(row);

    for (const cell of labelTexts) {
      const found = groupOf(splitNormalizedNumbering(cell.label).text);
      if (found) group = found;
    }
    const labelCell = labelTexts.at(-1);
    if (!labelCell) {
      if (inBody || hasNumbers(rowValues)) {
        findings.warning(
          'unlabelled-row',
          `申请情况表${lineLabel(line)}没有行标签，其数值（${describeCells(rowValues)}）未读入`,
          { line, column: row[0]?.column ?? null },
        );
      }
      continue;
    }

    const { number, text } = splitNormalizedNumbering(labelCell.label);
    let spec = expected.find((s) => fitsGroup(s, group) && s.pattern.test(text));
    if (!spec) {
      const other = APPLICATION_ROWS.find((s) => fitsGroup(s, group) && s.pattern.test(text));
      if (other) {
        findings.warning(
          'row-not-in-template',
          `“${labelCell.text}”一行属于另一模板（${other.templates.join('、')}年版），与本报告的${template}年版表格不符，其数值（${describeCells(rowValues)}）未读入`,
          { line, column: labelCell.column },
        );
        inBody = true;
        continue;
      }
    }
    if (spec && !isTemplateWording(text, spec)) {
      findings.warning(
        'row-label-variant',
        `${lineLabel(line)}的行标签“${labelCell.text}”与模板的“${spec.label}”不同，按其关键词读作该行：请核对`,
        { paths: [`applications.${spec.path}`], line, column: labelCell.column },
      );
    }
    if (!spec && inBody) {
      spec = closestRow(expected, filled, group, number, text);
      if (spec) {
        findings.warning(
          'row-label-variant',
          `${lineLabel(line)}的行标签“${labelCell.text}”与模板不符，按所在位置和编号读作“${spec.label}”`,
          { paths: [`applications.${spec.path}`], line, column: labelCell.column },
        );
      }
    }
    if (!spec) {
      const isGroupHeading = groupOf(text) !== undefined;
      const isHeader = !inBody && !hasNumbers(rowValues);
      if ((isGroupHeading || isHeader) && !hasNumbers(rowValues)) continue;
      if (!hasNumbers(rowValues)) {
        noteRow(context, TABLE_SHORT_NAMES.applications, row);
        continue;
      }
      findings.warning(
        'unknown-row-label',
        `${lineLabel(line)}的行标签“${labelCell.text}”不是${template}年版模板中的行，其数值（${describeCells(rowValues)}）未读入`,
        { line, column: labelCell.column },
      );
      continue;
    }
    inBody = true;

    const path = `applications.${spec.path}`;
    if (filled.has(spec.path)) {
      findings.warning(
        'duplicate-row',
        `“${spec.label}”一行出现两次（${lineLabel(filled.get(spec.path)!)}和${lineLabel(line)}），${lineLabel(line)}的数值（${describeCells(rowValues)}）未读入`,
        { paths: [path], line, column: labelCell.column },
      );
      continue;
    }
    filled.set(spec.path, line);

    if (values.length !== WIDTH || strayNumbers.length > 0) {
      const stray = strayNumbers.length > 0 ? `，其中${describeCells(strayNumbers)}在行标签的单元格中` : '';
      findings.error(
        'wrong-cell-count',
        `${lineLabel(line)}“${spec.label}”一行应有${WIDTH}个数字单元格（自然人至总计），实有${rowValues.length}个（${describeCells(rowValues)}）${stray}，无法确定各数字所属的栏：该行全部记为空（null）`,
        { paths: [path], line, column: labelCell.column },
      );
      continue;
    }
    const target: Record<string, number | null> = {};
    APPLICANT_COLUMNS.forEach((column, index) => {
      target[column.key] = readValue(
        values[index]!,
        `${path}.${column.key}`,
        'count',
        `“${spec.label}”·${column.label}`,
        context,
      );
    });
    setPath(result, spec.path, target);
  }

  const missing = expected.filter((spec) => !filled.has(spec.path));
  if (missing.length > 0) {
    findings.error(
      'missing-rows',
      `申请情况表（${lineLabel(tableStart)}起）在${lineLabel(tableEnd)}结束，缺少以下${missing.length}行：${missing
        .map((spec) => spec.label)
        .join('；')}。这些行的单元格记为空（null），未作推算`,
      { paths: missing.map((spec) => `applications.${spec.path}`), line: tableEnd },
    );
  }
  return applications;
}

/** A row whose label drifted beyond recognition: the unfilled row of the group with its number, or the closest wording. */
function closestRow(
  expected: ApplicationRowSpec[],
  filled: Map<string, number>,
  group: GroupKey | null,
  number: string | null,
  text: string,
): ApplicationRowSpec | undefined {
  let best: ApplicationRowSpec | undefined;
  let bestScore = 0;
  for (const spec of expected) {
    if (filled.has(spec.path) || !fitsGroup(spec, group)) continue;
    const sameNumber = number !== null && spec.number === number;
    const score = similarity(text, bareLabel(spec)) + (sameNumber ? 0.25 : 0);
    if (score > bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  return bestScore >= MIN_SIMILARITY ? best : undefined;
}

/** Checks the applicant columns of the header against the template. */
function checkColumns(rows: Row[], tableStart: number, context: ValueContext): void {
  const organisations = APPLICANT_COLUMNS.slice(1, 6).map((column) => column.label);
  const header = rows.find((row) => row.some((cell) => cell.label === '商业企业'));
  if (!header) {
    context.findings.warning(
      'applicant-columns',
      `申请情况表（${lineLabel(tableStart)}起）没有“商业企业、科研机构……”表头：按模板的栏目顺序（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）读取`,
      { line: tableStart },
    );
    return;
  }
  const printed = header.map((cell) => cell.label).filter((text) => text !== '');
  // The template's two-level header, or the same columns flattened into one row.
  const accepted = [organisations, APPLICANT_COLUMNS.map((column) => column.label)].map((labels) => labels.join('|'));
  if (!accepted.includes(printed.join('|'))) {
    context.findings.warning(
      'applicant-columns',
      `申请情况表${lineLabel(rowLine(header))}的表头为“${printed.join('、')}”，与模板（${organisations.join('、')}）不同：按模板的栏目顺序读取`,
      { line: rowLine(header) },
    );
  }
}
