/**
 * Part 2, the Article 20 items. The part is a series of small tables (one per item), each with
 * an item row (第二十条第（一）项), a header row (信息内容 and the columns) and data rows. Rows
 * are read by label and columns by header, so a reordered or missing column is noticed.
 */
import { TABLE_LABELS, TABLE_SHORT_NAMES } from '../report-format/tables.ts';
import type { Proactive, Template } from '../schema/report.ts';
import { lineLabel } from '../diagnostics/line-label.ts';
import { proactiveRowsFor, type ProactiveColumnSpec } from '../report-format/proactive.ts';
import { normalizeLabel, similarity } from '../report-format/labels.ts';
import { looksLikeValue } from '../report-format/numbers.ts';
import type { LocatedTable } from '../structure/find-sections.ts';
import { rowLine, type Cell } from '../structure/table-cells.ts';
import { describeCells, hasNumbers, isEmptyRow, noteRow, numberCells, readValue, rowsAsWritten, type ValueContext } from './read-values.ts';

const ITEM = /第二十条.*?第?\(([一二三四五六七八九十]+)\)项/;

export function extractProactive(
  tables: LocatedTable[],
  template: Template,
  context: ValueContext,
): Proactive {
  const { findings } = context;
  const specs = proactiveRowsFor(template);
  const result: Record<string, Record<string, number | string | null>> = {};
  for (const spec of specs) {
    result[spec.key] = Object.fromEntries(
      spec.columns.flatMap((column) => (column.textKey ? [[column.key, null], [column.textKey, null]] : [[column.key, null]])),
    );
  }
  // The record's shape is the template description's, as the schema's is; validation checks it.
  const proactive = result as unknown as Proactive;

  if (tables.length === 0) {
    findings.error('missing-table', `未找到“${TABLE_LABELS.proactive}”表（第二部分）：其全部单元格记为空（null）`, {
      paths: ['proactive'],
    });
    return proactive;
  }

  let item: string | null = null;
  let header: Cell[] | null = null;
  const filled = new Map<string, number>();
  const rows = tables.flatMap((table) => table.rows);
  const asWritten = rowsAsWritten(tables);

  for (const row of rows) {
    if (isEmptyRow(row)) continue;
    const line = rowLine(row);
    const itemCell = row.find((cell) => ITEM.test(cell.label));
    if (itemCell) {
      item = ITEM.exec(itemCell.label)![1]!;
      header = null;
      continue;
    }
    // The label is the first cell with text that is no value; a number before it is a cell too
    // many (a label is never a number), and the row is then refused below.
    const firstText = row.findIndex((cell) => cell.text !== '');
    const firstLabel = row.findIndex((cell) => cell.text !== '' && !looksLikeValue(cell.text));
    const labelIndex = firstLabel < 0 ? firstText : firstLabel;
    const strayNumbers = numberCells(row.slice(0, labelIndex));
    const labelCell = row[labelIndex]!;
    const label = labelCell.label;
    const rest = row.slice(labelIndex + 1);
    /** Every number of the row, for messages: a stray one before the label too. */
    const rowValues = [...strayNumbers, ...rest];
    if (label === '信息内容') {
      header = rest;
      continue;
    }

    const spec =
      specs.find((s) => s.item === item && s.pattern.test(label)) ?? specs.find((s) => s.pattern.test(label));
    if (!spec) {
      if (!hasNumbers(rowValues)) {
        noteRow(context, TABLE_SHORT_NAMES.proactive, row);
      } else {
        findings.warning(
          'unknown-row-label',
          `主动公开表${lineLabel(line)}的行标签“${labelCell.text}”不是${template}年版模板中的行，其数值（${describeCells(rowValues)}）未读入`,
          { line, column: labelCell.column },
        );
      }
      continue;
    }
    const path = `proactive.${spec.key}`;
    if (filled.has(spec.key)) {
      findings.warning(
        'duplicate-row',
        `主动公开表中“${spec.label}”一行出现两次（${lineLabel(filled.get(spec.key)!)}和${lineLabel(line)}），${lineLabel(line)}的数值（${describeCells(rowValues)}）未读入`,
        { paths: [path], line, column: labelCell.column },
      );
      continue;
    }
    filled.set(spec.key, line);

    // Columns by header where there is one, else in the template's order.
    const columns: Array<ProactiveColumnSpec | undefined> = header
      ? header.map((cell) => spec.columns.find((column) => column.pattern.test(cell.label)))
      : [...spec.columns];
    if (header) {
      // A header with a typo (先行有效件数) is read as the template column it is closest to.
      header.forEach((cell, index) => {
        if (columns[index] || cell.label === '') return;
        const unmatched = spec.columns.filter((column) => !columns.includes(column));
        const closest = unmatched
          .map((column) => ({ column, score: similarity(cell.label, normalizeLabel(column.label)) }))
          .sort((a, b) => b.score - a.score)[0];
        if (closest && closest.score >= 0.6) {
          columns[index] = closest.column;
          findings.warning(
            'column-label-variant',
            `主动公开表${lineLabel(cell.line)}的表头“${cell.text}”与模板的“${closest.column.label}”不同，读作该栏：请核对`,
            { paths: [`proactive.${spec.key}.${closest.column.key}`], line: cell.line, column: cell.column },
          );
        }
      });
    }
    // A row that ends before the last of its columns under the header (a web page's row that
    // lost a <td>: its cells moved left) cannot be read by position: which value is missing is
    // not known.
    const width = columns.reduce((last, column, index) => (column ? index + 1 : last), 0);
    if (rest.length < width && hasNumbers(rest)) {
      findings.error(
        'wrong-cell-count',
        `主动公开表${lineLabel(line)}“${spec.label}”一行只有${rest.length}个数值单元格，表头下应有${width}个（${describeCells(rowValues)}）：无法确定各数字所属的栏，该行全部记为空（null）`,
        { paths: [path], line, column: labelCell.column },
      );
      continue;
    }
    // A row with more cells than its columns (a stray value, a cell split in two): which one is
    // too many is not known, so none is read. Blank cells past the header's last column are no
    // value where they may be a grid's (a web page's row wider than its header row); where every
    // cell is the source's own, they are cells too many as well.
    const columnCount = header ? header.length : spec.columns.length;
    const beyond = rest.slice(columnCount);
    const tooWide = beyond.some((cell) => cell.text !== '') || (asWritten.has(row) && beyond.length > 0);
    if ((tooWide || strayNumbers.length > 0) && hasNumbers(rowValues)) {
      const stray = strayNumbers.length > 0 ? `，其中${describeCells(strayNumbers)}在行标签之前` : '';
      findings.error(
        'wrong-cell-count',
        `主动公开表${lineLabel(line)}“${spec.label}”一行有${rowValues.length}个数值单元格，${header ? '表头下' : '模板'}应有${columnCount}个（${describeCells(rowValues)}）${stray}：无法确定哪一个是多出的，该行全部记为空（null）`,
        { paths: [path], line, column: labelCell.column },
      );
      continue;
    }
    const target = result[spec.key]!;
    const seen = new Set<string>();
    rest.forEach((cell, index) => {
      const column = columns[index];
      if (!column || seen.has(column.key)) {
        if (cell.text !== '') {
          const heading = header?.[index]?.text;
          findings.warning(
            'unknown-column',
            `主动公开表${lineLabel(cell.line)}“${spec.label}”的第${index + 1}个数值“${cell.text}”${heading ? `（表头“${heading}”）` : ''}不属于模板中的任何一栏，未读入`,
            { paths: [path], line: cell.line, column: cell.column },
          );
        }
        return;
      }
      seen.add(column.key);
      target[column.key] = readValue(cell, `${path}.${column.key}`, column.kind, `“${spec.label}”·${column.label}`, context);
      if (column.textKey) target[column.textKey] = cell.text === '' ? null : cell.text;
    });
    const absent = spec.columns.filter((column) => !seen.has(column.key));
    if (absent.length > 0) {
      findings.error(
        'missing-cells',
        `主动公开表${lineLabel(line)}“${spec.label}”缺少以下栏目：${absent.map((c) => c.label).join('、')}，记为空（null）`,
        { paths: absent.map((c) => `${path}.${c.key}`), line, column: labelCell.column },
      );
    }
  }

  const missing = specs.filter((spec) => !filled.has(spec.key));
  if (missing.length > 0) {
    const endLine = Math.max(...tables.map((table) => table.endLine));
    findings.error(
      'missing-rows',
      `主动公开表在${lineLabel(endLine)}结束，缺少以下${missing.length}行：${missing
        .map((spec) => `第二十条第（${spec.item}）项·${spec.label}`)
        .join('；')}。这些单元格记为空（null）`,
      { paths: missing.map((spec) => `proactive.${spec.key}`), line: endLine },
    );
  }
  return proactive;
}
