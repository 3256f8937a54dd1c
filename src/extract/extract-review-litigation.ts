/**
 * Part 4: one row of fifteen numbers under a two-level header — 行政复议 (five outcomes), then
 * 行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (five each).
 */
import { TABLE_LABELS } from '../report-format/tables.ts';
import type { ReviewLitigation } from '../schema/report.ts';
import { lineLabel } from '../diagnostics/line-label.ts';
import { looksLikeValue } from '../report-format/numbers.ts';
import { REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report-format/review-litigation.ts';
import type { LocatedTable } from '../structure/find-sections.ts';
import { rowLine } from '../structure/table-cells.ts';
import { describeCells, hasNumbers, isEmptyRow, readValue, type ValueContext } from './read-values.ts';

const WIDTH = REVIEW_GROUPS.length * REVIEW_OUTCOMES.length;

function emptyReviewLitigation(): ReviewLitigation {
  const outcomes = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return { review: outcomes(), litigationDirect: outcomes(), litigationAfterReview: outcomes() };
}

export function extractReviewLitigation(tables: LocatedTable[], context: ValueContext): ReviewLitigation {
  const { findings } = context;
  const result = emptyReviewLitigation();
  if (tables.length === 0) {
    findings.error(
      'missing-table',
      `未找到“${TABLE_LABELS.reviewLitigation}”表（第四部分）：其全部单元格记为空（null）`,
      { paths: ['reviewLitigation'] },
    );
    return result;
  }
  const rows = tables.flatMap((table) => table.rows);
  const start = tables[0]!.line;
  const headerText = rows
    .filter((row) => !row.every((cell) => looksLikeValue(cell.text)))
    .flatMap((row) => row.map((cell) => cell.label))
    .join('|');
  const direct = headerText.indexOf('未经复议直接起诉');
  const afterReview = headerText.indexOf('复议后起诉');
  if (direct < 0 || afterReview < 0 || direct > afterReview) {
    findings.warning(
      'review-columns',
      `复议诉讼表（${lineLabel(start)}起）的表头与模板不同（应依次为行政复议、未经复议直接起诉、复议后起诉）：按模板的栏目顺序读取`,
      { line: start },
    );
  }

  const dataRows = rows.filter((row) => !isEmptyRow(row) && row.every((cell) => looksLikeValue(cell.text)));
  const [data, ...extra] = dataRows;
  for (const row of extra) {
    if (hasNumbers(row)) {
      findings.warning(
        'extra-row',
        `复议诉讼表${lineLabel(rowLine(row))}是多出的一行数字（${describeCells(row)}），模板只有一行，未读入`,
        { line: rowLine(row), column: row[0]?.column ?? null },
      );
    }
  }
  const paths = REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => `reviewLitigation.${g.key}.${o.key}`));
  if (!data) {
    const end = Math.max(...tables.map((table) => table.endLine));
    findings.error(
      'missing-rows',
      `复议诉讼表在${lineLabel(end)}结束，没有数字行：应有一行${WIDTH}个数字，全部记为空（null）`,
      { paths: ['reviewLitigation'], line: end },
    );
    return result;
  }
  const line = rowLine(data);
  if (data.length !== WIDTH) {
    findings.error(
      'wrong-cell-count',
      `复议诉讼表${lineLabel(line)}应有${WIDTH}个数字，实有${data.length}个（${describeCells(data)}），无法确定各数字所属的栏：全部记为空（null）`,
      { paths, line, column: data[0]?.column ?? null },
    );
    return result;
  }
  REVIEW_GROUPS.forEach((group, g) => {
    REVIEW_OUTCOMES.forEach((outcome, o) => {
      const cell = data[g * REVIEW_OUTCOMES.length + o]!;
      result[group.key][outcome.key] = readValue(
        cell,
        `reviewLitigation.${group.key}.${outcome.key}`,
        'count',
        `${group.label}·${outcome.label}`,
        context,
      );
    });
  });
  return result;
}
