/**
 * Which official template the tables follow, from the tables themselves (not from the year):
 * the 2019 and 2021 templates differ in the Article 20 columns and in 其他处理.
 */
import type { Template } from '../schema/report.ts';
import type { Findings } from '../diagnostics/findings.ts';
import { TEMPLATE_SIGNS } from '../report-format/proactive.ts';
import type { LocatedTable } from '../structure/find-sections.ts';

function tableText(tables: LocatedTable[]): string {
  return tables.flatMap((table) => table.rows.flatMap((row) => row.map((cell) => cell.label))).join('|');
}

export function detectTemplate(tables: LocatedTable[], year: number, findings: Findings): Template {
  const proactive = tableText(tables.filter((table) => table.kind === 'proactive'));
  const applications = tableText(tables.filter((table) => table.kind === 'applications'));

  const fromProactive: Template | undefined = TEMPLATE_SIGNS['2021'].test(proactive)
    ? '2021'
    : TEMPLATE_SIGNS['2019'].test(proactive)
      ? '2019'
      : undefined;
  // The 2021 template splits 其他处理 into three rows; the 2019 one has a single row.
  const fromApplications: Template | undefined = /不补正|缴纳费用/.test(applications)
    ? '2021'
    : /其他处理/.test(applications)
      ? '2019'
      : undefined;

  if (fromProactive && fromApplications && fromProactive !== fromApplications) {
    findings.warning(
      'template-conflict',
      `主动公开表按${fromProactive}年版模板填写，申请情况表却按${fromApplications}年版模板填写：按${fromProactive}年版读取`,
    );
  }
  const template = fromProactive ?? fromApplications;
  if (template) return template;
  const guess: Template = year >= 2021 ? '2021' : '2019';
  findings.warning(
    'template-unknown',
    `无法从表格判断所用模板（2019年版或2021年版）：按统计年度${year}年推定为${guess}年版`,
  );
  return guess;
}
