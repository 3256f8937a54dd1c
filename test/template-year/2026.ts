/**
 * A template year for the test only (not in the product): what a 2026 notice might change. It
 * adds 行政确认 to item 五 of part 2, and a sixth row to （五）不予处理 of part 3. It is written as
 * a real one would be, as one file beside src/report-format/templates/2021.ts.
 */
import { matrixGroup, matrixRow, type TemplateDescription } from '../../src/report-format/describe.ts';
import { column } from '../../src/report-format/templates/common.ts';
import { TEMPLATE_2021 } from '../../src/report-format/templates/2021.ts';

const decisions = [column('decisions', '本年处理决定数量', 'decisions this year', /处理决定/)];
const { results } = TEMPLATE_2021.applications.rows;

export const TEMPLATE_2026 = {
  ...TEMPLATE_2021,
  id: '2026',
  name: '2026年版（测试用模板）',
  notice: '测试用通知〔2026〕1号',
  firstYear: 2026,
  signs: { proactive: /行政确认/, applications: /非本机关/ },
  proactive: {
    ...TEMPLATE_2021.proactive,
    rows: [
      ...TEMPLATE_2021.proactive.rows.slice(0, 3),
      { key: 'confirmation', label: '行政确认', meaning: 'administrative confirmation', item: '五', pattern: /行政确认/, columns: decisions },
      ...TEMPLATE_2021.proactive.rows.slice(3),
    ],
  },
  applications: {
    ...TEMPLATE_2021.applications,
    rows: {
      ...TEMPLATE_2021.applications.rows,
      results: matrixGroup(results.number, results.label, results.meaning, results.pattern, {
        ...results.children,
        notProcessed: matrixGroup('五', '（五）不予处理', 'not processed', /^不予处理$/, {
          ...results.children.notProcessed.children,
          otherAgency: matrixRow('6', '6.申请获取非本机关的信息', 'asks for another agency’s information', /非本机关/),
        }),
      }),
    },
  },
} as const satisfies TemplateDescription;
