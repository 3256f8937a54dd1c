/**
 * The 2019 template (国办公开办函〔2019〕60号), for statistics years 2019 and 2020: part 2 counts
 * documents made and published and items by last year's number and this year's change, and
 * part 3 has a single （六）其他处理 row.
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
  column('newlyMade', '本年新制作数量', 'newly made this year', /新制作/),
  column('newlyPublished', '本年新公开数量', 'newly published this year', /新公开/),
  column('totalPublished', '对外公开总数量', 'total published', /公开总数/),
];
const previousYear = (meaning: string) => column('previousYear', '上一年项目数量', meaning, /上一?年/, 'count', { role: 'lastYear' });
const change = column('change', '本年增/减', 'change this year (signed)', /增.?减/, 'signedCount', { role: 'change' });
const items = [previousYear('number of items last year'), change, column('decisions', '处理决定数量', 'decisions', /处理决定/)];

export const TEMPLATE_2019 = {
  id: '2019',
  name: '2019年版（国办公开办函〔2019〕60号）',
  notice: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  signs: {
    proactive: /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|第二十条第\(九\)项/,
    applications: /其他处理/,
  },
  proactive: {
    rows: [
      { key: 'regulations', label: '规章', meaning: 'rules', item: '一', pattern: /^规章$/, columns: documents },
      { key: 'normativeDocuments', label: '规范性文件', meaning: 'normative documents', item: '一', pattern: /规范性文件/, columns: documents },
      { key: 'licensing', label: '行政许可', meaning: 'licensing', item: '五', pattern: /行政许可/, columns: items },
      {
        key: 'otherServices', label: '其他对外管理服务事项', meaning: 'other external management services', item: '五',
        pattern: /其他对外管理服务/, columns: items,
      },
      { key: 'penalty', label: '行政处罚', meaning: 'penalties', item: '六', pattern: /行政处罚/, columns: items },
      { key: 'enforcement', label: '行政强制', meaning: 'coercive measures', item: '六', pattern: /行政强制/, columns: items },
      {
        key: 'administrativeFees', label: '行政事业性收费', meaning: 'administrative fees', item: '八',
        pattern: /行政事业性收费/, columns: [previousYear('number of fee items last year'), change],
      },
      {
        key: 'centralizedProcurement',
        label: '政府集中采购',
        meaning: 'centralised government procurement',
        item: '九',
        pattern: /集中采购/,
        columns: [
          column('projects', '采购项目数量', 'number of procurement projects', /采购项目/),
          column('amountYuan', '采购总金额', 'total procurement amount, in yuan (a cell “385万元” is 3850000)', /总金额/, 'yuan', {
            textKey: 'amountText',
            textMeaning: 'as printed, e.g. “385万元”: the cell’s text, for checking',
          }),
        ],
      },
    ],
    figures: {
      normativeDocuments: ['normativeDocuments', 'newlyMade'],
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
        other: matrixGroup('六', '（六）其他处理', 'otherwise handled (2019 template: one row)', /^其他处理$/, {
          total: matrixRow('六', '（六）其他处理', 'otherwise handled (2019 template: one row)', /^其他处理$/),
        }),
        total: RESULTS_TOTAL,
      }),
      carriedForward: CARRIED_FORWARD,
    },
  },
  reviewLitigation: REVIEW_LITIGATION,
} as const satisfies TemplateDescription;
