/**
 * The 2021 template (国办公开办函〔2021〕30号), for statistics years from 2021: part 2 counts
 * documents issued, repealed and in force, and part 3 splits （六）其他处理 into three rows.
 */
import { matrixGroup, matrixRow, type TemplateDescription } from '../describe.ts';
import {
  APPLICANTS,
  CARRIED_FORWARD,
  column,
  RECEIVED,
  RESULTS,
  RESULTS_HEADING,
  RESULTS_TOTAL,
  REVIEW_LITIGATION,
} from './common.ts';

const documents = [
  column('issued', '本年制发件数', 'issued this year', /制发/, 'count', { role: 'issued' }),
  column('repealed', '本年废止件数', 'repealed this year', /废止/, 'count', { role: 'repealed' }),
  column('inForce', '现行有效件数', 'in force', /现行有效/, 'count', { role: 'stock' }),
];
const decisions = [column('decisions', '本年处理决定数量', 'decisions this year', /处理决定/)];

export const TEMPLATE_2021 = {
  id: '2021',
  name: '2021年版（国办公开办函〔2021〕30号）',
  notice: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  signs: {
    proactive: /本年制发件数|本年废止件数|现行有效件数|本年收费金额/,
    applications: /不补正|缴纳费用/,
  },
  proactive: {
    rows: [
      { key: 'regulations', label: '规章', meaning: 'rules', item: '一', pattern: /^规章$/, columns: documents },
      { key: 'normativeDocuments', label: '行政规范性文件', meaning: 'normative documents', item: '一', pattern: /规范性文件/, columns: documents },
      { key: 'licensing', label: '行政许可', meaning: 'licensing', item: '五', pattern: /行政许可/, columns: decisions },
      { key: 'penalty', label: '行政处罚', meaning: 'penalties', item: '六', pattern: /行政处罚/, columns: decisions },
      { key: 'enforcement', label: '行政强制', meaning: 'coercive measures', item: '六', pattern: /行政强制/, columns: decisions },
      {
        key: 'administrativeFees',
        label: '行政事业性收费',
        meaning: 'administrative fees',
        item: '八',
        pattern: /行政事业性收费/,
        columns: [
          column(
            'amountTenThousandYuan', '本年收费金额（单位：万元）', 'fees collected this year, in 万元 (10,000 yuan)',
            /收费金额/, 'tenThousandYuan',
          ),
        ],
      },
    ],
    figures: {
      normativeDocuments: ['normativeDocuments', 'issued'],
      licensing: ['licensing', 'decisions'],
      penalty: ['penalty', 'decisions'],
      enforcement: ['enforcement', 'decisions'],
    },
  },
  applications: {
    columns: APPLICANTS,
    rows: {
      ...RECEIVED,
      results: matrixGroup(...RESULTS_HEADING, {
        ...RESULTS,
        other: matrixGroup('六', '（六）其他处理', 'otherwise handled (2021 template: three rows)', /^其他处理$/, {
          overdueCorrection: matrixRow(
            '1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            'applicant did not correct the request in time', /不补正/,
          ),
          overdueFee: matrixRow(
            '2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            'applicant did not pay the fee in time', /收费通知|缴纳费用/,
          ),
          otherReasons: matrixRow('3', '3.其他', 'other reasons', /^其他$/),
        }),
        total: RESULTS_TOTAL,
      }),
      carriedForward: CARRIED_FORWARD,
    },
  },
  reviewLitigation: REVIEW_LITIGATION,
} as const satisfies TemplateDescription;
