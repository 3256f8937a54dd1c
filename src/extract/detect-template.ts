/**
 * Which official template the tables follow, from the tables themselves (not from the year):
 * each template's description gives the words only its tables have.
 */
import type { Template } from '../schema/report.ts';
import type { Findings } from '../diagnostics/findings.ts';
import type { TemplateDescription } from '../report-format/describe.ts';
import { NEWEST_FIRST, TEMPLATES } from '../report-format/templates/index.ts';
import type { LocatedTable } from '../structure/find-sections.ts';

function tableText(tables: LocatedTable[]): string {
  return tables.flatMap((table) => table.rows.flatMap((row) => row.map((cell) => cell.label))).join('|');
}

/** The newest template whose signs the text has. */
function templateSigned(text: string, signs: (template: TemplateDescription) => RegExp): Template | undefined {
  return NEWEST_FIRST.find((template) => signs(template).test(text))?.id as Template | undefined;
}

export function detectTemplate(tables: LocatedTable[], year: number, findings: Findings): Template {
  const proactive = tableText(tables.filter((table) => table.kind === 'proactive'));
  const applications = tableText(tables.filter((table) => table.kind === 'applications'));

  // Part 2's column headers differ between templates, and part 3's rows (2021 splits 其他处理 into three).
  const fromProactive = templateSigned(proactive, (template) => template.signs.proactive);
  const fromApplications = templateSigned(applications, (template) => template.signs.applications);

  if (fromProactive && fromApplications && fromProactive !== fromApplications) {
    findings.warning(
      'template-conflict',
      `主动公开表按${fromProactive}年版模板填写，申请情况表却按${fromApplications}年版模板填写：按${fromProactive}年版读取`,
    );
  }
  const template = fromProactive ?? fromApplications;
  if (template) return template;
  // The newest template set for that year or before; the oldest for a year before them all.
  const guess = (NEWEST_FIRST.find((t) => t.firstYear <= year) ?? TEMPLATES[0]).id as Template;
  findings.warning(
    'template-unknown',
    `无法从表格判断所用模板（${TEMPLATES.map((t) => `${t.id}年版`).join('或')}）：按统计年度${year}年推定为${guess}年版`,
  );
  return guess;
}
