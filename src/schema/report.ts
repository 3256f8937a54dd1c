/**
 * The published data contract: one zod schema is the source of the TypeScript types, of the
 * validation every record passes before it is written, and of the JSON Schema file
 * (`schema/report.schema.json`). Each key's title is its Chinese label as the official template
 * words it, its description an English gloss, so the data dictionary needs no second copy.
 */
import { z } from 'zod';

/** Semantic: 1.1.0 added 'pdf', 'doc', 'wps' and 'rtf' to source.format (a record of 1.0.0 is valid under 1.1.0). */
export const SCHEMA_VERSION = '1.2.0';

/**
 * Each key's metadata, carried into the JSON Schema: `title` is its Chinese label as the official
 * template words it, `description` an English gloss, and a table value's unit is `x-unit` (an
 * annotation JSON Schema lets through). The data dictionary reads them as they are.
 */

/** A number cell of a source table, in `unit`: `null` where the cell is blank or unreadable, never 0. */
const cell = (title: string, description: string, unit: '元' | '万元') =>
  z.number().nullable().meta({ title, description, 'x-unit': unit });

/** A count cell (件/项): a whole number, `null` when blank. */
const count = (title: string, description: string) =>
  z.number().int().nullable().meta({ title, description, 'x-unit': '件' });

// ---------------------------------------------------------------------------------------------
// Part 3: the applications matrix

export const ApplicantCounts = z
  .object({
    naturalPerson: count('自然人', 'natural persons'),
    commercialEnterprise: count('法人或其他组织·商业企业', 'commercial enterprises'),
    researchInstitution: count('法人或其他组织·科研机构', 'research institutions'),
    socialWelfareOrganization: count('法人或其他组织·社会公益组织', 'social welfare organisations'),
    legalServiceInstitution: count('法人或其他组织·法律服务机构', 'legal service institutions'),
    otherOrganization: count('法人或其他组织·其他', 'other legal persons or organisations'),
    total: count('总计', 'total as printed in the report (not recomputed)'),
  })
  .meta({
    id: 'ApplicantCounts',
    title: '申请人情况', description: 'one row of the applications matrix, split by applicant type',
  });
export type ApplicantCounts = z.infer<typeof ApplicantCounts>;

const row = (title: string, description: string) => ApplicantCounts.meta({ title, description });

const Denied = z
  .object({
    stateSecret: row('1.属于国家秘密', 'state secret'),
    lawForbidden: row('2.其他法律行政法规禁止公开', 'forbidden by other laws and regulations'),
    safetyStability: row('3.危及“三安全一稳定”', 'endangers security or stability'),
    thirdPartyRights: row('4.保护第三方合法权益', 'protects a third party’s lawful rights'),
    internalAffairs: row('5.属于三类内部事务信息', 'internal affairs'),
    processInfo: row('6.属于四类过程性信息', 'process information'),
    enforcementCase: row('7.属于行政执法案卷', 'administrative enforcement files'),
    adminQuery: row('8.属于行政查询事项', 'administrative query matters'),
  })
  .meta({ title: '（三）不予公开', description: 'denied' });

const UnableToProvide = z
  .object({
    noInfo: row('1.本机关不掌握相关政府信息', 'the agency does not hold the information'),
    needCreation: row('2.没有现成信息需要另行制作', 'would have to be newly created'),
    unclear: row('3.补正后申请内容仍不明确', 'request still unclear after correction'),
  })
  .meta({ title: '（四）无法提供', description: 'unable to provide' });

const NotProcessed = z
  .object({
    complaint: row('1.信访举报投诉类申请', 'petitions, reports and complaints'),
    repeat: row('2.重复申请', 'repeated applications'),
    publication: row('3.要求提供公开出版物', 'asks for published material'),
    massiveRequests: row('4.无正当理由大量反复申请', 'massive repeated applications without good reason'),
    confirmInfo: row('5.要求行政机关确认或重新出具已获取信息', 'asks to confirm or reissue information already obtained'),
  })
  .meta({ title: '（五）不予处理', description: 'not processed' });

const Other2021 = z
  .object({
    overdueCorrection: row(
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'applicant did not correct the request in time',
    ),
    overdueFee: row(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'applicant did not pay the fee in time',
    ),
    otherReasons: row('3.其他', 'other reasons'),
  })
  .meta({ title: '（六）其他处理', description: 'otherwise handled (2021 template: three rows)' });

const Other2019 = z
  .object({
    total: row('（六）其他处理', 'otherwise handled (2019 template: one row)'),
  })
  .meta({ title: '（六）其他处理', description: 'otherwise handled (2019 template: one row)' });

const resultsShape = {
  granted: row('（一）予以公开', 'granted in full'),
  partialGrant: row('（二）部分公开', 'granted in part (counted only here)'),
  denied: Denied,
  unableToProvide: UnableToProvide,
  notProcessed: NotProcessed,
};

const applicationsShape = {
  newReceived: row('一、本年新收政府信息公开申请数量', 'applications received this year'),
  carriedOver: row('二、上年结转政府信息公开申请数量', 'carried over from last year'),
};

const carriedForward = row('四、结转下年度继续办理', 'carried forward to next year');
const resultsTotal = row('（七）总计', 'total handled this year');

export const Applications2021 = z
  .object({
    ...applicationsShape,
    results: z
      .object({ ...resultsShape, other: Other2021, total: resultsTotal })
      .meta({ title: '三、本年度办理结果', description: 'how applications were handled this year' }),
    carriedForward,
  })
  .meta({ id: 'Applications2021', description: '收到和处理政府信息公开申请情况 (2021 template)' });

export const Applications2019 = z
  .object({
    ...applicationsShape,
    results: z
      .object({ ...resultsShape, other: Other2019, total: resultsTotal })
      .meta({ title: '三、本年度办理结果', description: 'how applications were handled this year' }),
    carriedForward,
  })
  .meta({ id: 'Applications2019', description: '收到和处理政府信息公开申请情况 (2019 template)' });

export type Applications2021 = z.infer<typeof Applications2021>;
export type Applications2019 = z.infer<typeof Applications2019>;
export type Applications = Applications2019 | Applications2021;

// ---------------------------------------------------------------------------------------------
// Part 4: review and litigation

export const ReviewOutcomes = z
  .object({
    upheld: count('结果维持', 'decision upheld'),
    corrected: count('结果纠正', 'decision corrected'),
    other: count('其他结果', 'other outcome'),
    pending: count('尚未审结', 'not yet concluded'),
    total: count('总计', 'total as printed in the report'),
  })
  .meta({ id: 'ReviewOutcomes', title: '结果', description: 'outcomes of one group of cases' });

export const ReviewLitigation = z
  .object({
    review: ReviewOutcomes.meta({ title: '行政复议', description: 'administrative review' }),
    litigationDirect: ReviewOutcomes.meta({
      title: '行政诉讼·未经复议直接起诉', description: 'litigation without prior review',
    }),
    litigationAfterReview: ReviewOutcomes.meta({
      title: '行政诉讼·复议后起诉', description: 'litigation after review',
    }),
  })
  .meta({
    id: 'ReviewLitigation',
    title: '政府信息公开行政复议、行政诉讼情况', description: 'review and litigation',
  });
export type ReviewLitigation = z.infer<typeof ReviewLitigation>;

// ---------------------------------------------------------------------------------------------
// Part 2: proactive disclosure (Article 20 items)

const Documents2021 = z.object({
  issued: count('本年制发件数', 'issued this year'),
  repealed: count('本年废止件数', 'repealed this year'),
  inForce: count('现行有效件数', 'in force'),
});
const Decisions2021 = z.object({ decisions: count('本年处理决定数量', 'decisions this year') });

export const Proactive2021 = z
  .object({
    regulations: Documents2021.meta({ title: '第二十条第（一）项·规章', description: 'rules' }),
    normativeDocuments: Documents2021.meta({
      title: '第二十条第（一）项·行政规范性文件', description: 'normative documents',
    }),
    licensing: Decisions2021.meta({ title: '第二十条第（五）项·行政许可', description: 'licensing' }),
    penalty: Decisions2021.meta({ title: '第二十条第（六）项·行政处罚', description: 'penalties' }),
    enforcement: Decisions2021.meta({ title: '第二十条第（六）项·行政强制', description: 'coercive measures' }),
    administrativeFees: z
      .object({
        amountTenThousandYuan: cell('本年收费金额（单位：万元）', 'fees collected this year, in 万元 (10,000 yuan)', '万元'),
      })
      .meta({ title: '第二十条第（八）项·行政事业性收费', description: 'administrative fees' }),
  })
  .meta({ id: 'Proactive2021', description: '主动公开政府信息情况 (2021 template)' });
export type Proactive2021 = z.infer<typeof Proactive2021>;

const Documents2019 = z.object({
  newlyMade: count('本年新制作数量', 'newly made this year'),
  newlyPublished: count('本年新公开数量', 'newly published this year'),
  totalPublished: count('对外公开总数量', 'total published'),
});
const Items2019 = z.object({
  previousYear: count('上一年项目数量', 'number of items last year'),
  change: count('本年增/减', 'change this year (signed)'),
  decisions: count('处理决定数量', 'decisions'),
});

export const Proactive2019 = z
  .object({
    regulations: Documents2019.meta({ title: '第二十条第（一）项·规章', description: 'rules' }),
    normativeDocuments: Documents2019.meta({
      title: '第二十条第（一）项·规范性文件', description: 'normative documents',
    }),
    licensing: Items2019.meta({ title: '第二十条第（五）项·行政许可', description: 'licensing' }),
    otherServices: Items2019.meta({
      title: '第二十条第（五）项·其他对外管理服务事项', description: 'other external management services',
    }),
    penalty: Items2019.meta({ title: '第二十条第（六）项·行政处罚', description: 'penalties' }),
    enforcement: Items2019.meta({ title: '第二十条第（六）项·行政强制', description: 'coercive measures' }),
    administrativeFees: z
      .object({
        previousYear: count('上一年项目数量', 'number of fee items last year'),
        change: count('本年增/减', 'change this year (signed)'),
      })
      .meta({ title: '第二十条第（八）项·行政事业性收费', description: 'administrative fees' }),
    centralizedProcurement: z
      .object({
        projects: count('采购项目数量', 'number of procurement projects'),
        amountYuan: cell('采购总金额', 'total procurement amount, in yuan (a cell “385万元” is 3850000)', '元'),
        amountText: z
          .string()
          .nullable()
          .meta({ title: '采购总金额（原文）', description: 'as printed, e.g. “385万元”: the cell’s text, for checking' }),
      })
      .meta({ title: '第二十条第（九）项·政府集中采购', description: 'centralised government procurement' }),
  })
  .meta({ id: 'Proactive2019', description: '主动公开政府信息情况 (2019 template)' });
export type Proactive2019 = z.infer<typeof Proactive2019>;

// ---------------------------------------------------------------------------------------------
// Prose, metadata, findings, source

export const Block = z
  .object({
    type: z.enum(['heading', 'paragraph', 'table']).meta({
      description: 'heading: 小标题; paragraph: 段落; table: where a statistical table stands',
    }),
    text: z.string().meta({ description: 'Text as published, extraction markers removed; for a table, its kind' }),
    line: z.number().int().nullable().meta({ title: '源文件行号', description: 'line in the source file (null for a Word file)' }),
  })
  .meta({ id: 'Block', description: 'One block of prose in reading order' });
export type Block = z.infer<typeof Block>;

export const PART_KEYS = [
  'overview',
  'proactive',
  'applications',
  'reviewLitigation',
  'problems',
  'other',
] as const;

export const Section = z
  .object({
    part: z.number().int().min(1).max(6).meta({ title: '部分序号', description: 'part number, 1 to 6' }),
    key: z.enum(PART_KEYS).meta({ description: 'Stable key of the part' }),
    title: z.string().meta({ description: 'The part’s title as the template words it, e.g. 总体情况' }),
    heading: z.string().meta({ description: 'The heading as published, e.g. “3、 收到和处理政府信息公开申请情况”' }),
    line: z.number().int().nullable().meta({ description: 'Line of the heading in the source file (null for a Word file)' }),
    blocks: z.array(Block),
  })
  .meta({ id: 'Section', title: '报告的六个部分之一', description: 'one of the six parts' });
export type Section = z.infer<typeof Section>;

export const Fees = z
  .object({
    noticesSent: count('发出收费通知的件数', 'fee notices sent'),
    amountNotifiedYuan: cell('收费通知的总金额（元）', 'total amount notified, in yuan', '元'),
    amountCollectedYuan: cell('实际收取的总金额（元）', 'total amount collected, in yuan', '元'),
    statement: z
      .string()
      .nullable()
      .meta({ description: 'The sentence(s) of part 6 the numbers were read from; null if none' }),
    line: z.number().int().nullable().meta({ description: 'Line of that statement' }),
  })
  .meta({
    id: 'Fees',
    title: '信息处理费', description: 'information-processing fees stated in part 6; null where the report does not say',
  });
export type Fees = z.infer<typeof Fees>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z
  .object({
    rule: z.string().meta({ description: 'Rule id, e.g. missing-rows; the module that raises it has the same name' }),
    severity: Severity.meta({
      description: 'error: a number is missing or wrong; warning: read, but check it; info: noted',
    }),
    message: z.string().meta({ title: '说明', description: 'what was expected and what the report says' }),
    paths: z.array(z.string()).meta({ description: 'JSON paths of the values concerned' }),
    line: z.number().int().nullable().meta({ description: 'Line in the source file' }),
    column: z.number().int().nullable().meta({ description: 'Column in the source file' }),
  })
  .meta({ id: 'Finding', title: '发现的问题', description: 'a problem found while reading or checking the report' });
export type Finding = z.infer<typeof Finding>;

export const CellSource = z
  .object({
    line: z.number().int().nullable().meta({ description: 'Line of the cell in the source file (null for a Word file)' }),
    column: z.number().int().nullable().meta({ description: 'Column of the cell in the source file (null for a Word file)' }),
    table: z.number().int().positive().meta({ description: 'Which of the report’s tables the cell is in, counted from 1 in the order they come (a table the page only uses for layout is not counted)' }),
    row: z.number().int().positive().meta({ description: 'The cell’s row in that table, from 1, header rows included; a merged cell counts in every row it spans' }),
    tableColumn: z.number().int().positive().meta({ description: 'The cell’s column in that table, from 1; a merged cell counts in every column it spans' }),
    text: z.string().meta({ description: 'The cell’s text as published (empty for a blank cell)' }),
  })
  .meta({ id: 'CellSource', description: 'Where one published value comes from' });
export type CellSource = z.infer<typeof CellSource>;

export const SourceInfo = z
  .object({
    path: z.string().meta({ description: 'The report file, relative to the project (reports/…)' }),
    format: z.enum(['text', 'markdown', 'html', 'docx', 'pdf', 'doc', 'wps', 'rtf']).meta({
      description: 'Input format: text (extracted from a Word file, or the text of a web page), Markdown, a web page, a Word (.docx) file, a PDF, or an old Word, WPS or RTF file (read through LibreOffice)',
    }),
    encoding: z
      .enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030'])
      .nullable()
      .meta({ description: 'Detected character encoding (GBK files are read as GB18030, its superset); null for a Word file' }),
    bom: z.boolean().meta({ description: 'Whether the file starts with a byte-order mark' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the file’s bytes' }),
    bytes: z.number().int().meta({ description: 'Size of the file in bytes' }),
    lines: z.number().int().nullable().meta({ description: 'Number of lines in the file (null for a Word file)' }),
    metadata: z
      .object({
        origin: z.enum(['page', 'frontMatter']).meta({
          description: 'page: the web page around the report (used where the report lacks it); frontMatter: written by an editor at the top of a Markdown file (takes precedence)',
        }),
        title: z.string().nullable().meta({ title: '标题', description: 'title' }),
        agency: z.string().nullable().meta({ title: '发布机构', description: 'publisher' }),
        year: z.number().int().nullable().meta({ title: '年度', description: 'statistics year' }),
        region: z.array(z.string()).nullable().meta({ title: '地区', description: 'region, largest first' }),
        publishedOn: z.string().nullable().meta({ title: '发文日期', description: 'date of publication' }),
        indexNumber: z.string().nullable().meta({ title: '索引号', description: 'the page’s index number' }),
        url: z.url({ protocol: /^https?$/ }).nullable().meta({
          title: '原文网址', description: 'the address of the report’s page on the agency’s own site, where the source states it (a page’s <meta name="Url">, url: in front matter); http or https only',
        }),
      })
      .nullable()
      .meta({ description: 'What the source states about the report outside its text, if anything' }),
    cells: z.record(z.string(), CellSource).meta({
      description:
        'For every table value, keyed by its JSON path (e.g. applications.newReceived.total): the line, column and text it was read from',
    }),
  })
  .meta({ id: 'SourceInfo', title: '来源', description: 'the file this record was read from' });
export type SourceInfo = z.infer<typeof SourceInfo>;

const Contact = z
  .object({
    address: z.string().nullable().meta({ title: '办公地址', description: 'address' }),
    postcode: z.string().nullable().meta({ title: '邮政编码', description: 'postcode' }),
    phone: z.string().nullable().meta({ title: '联系电话', description: 'phone' }),
    fax: z.string().nullable().meta({ title: '传真', description: 'fax' }),
    website: z.string().nullable().meta({ title: '网址', description: 'website' }),
    email: z.string().nullable().meta({ title: '电子邮箱', description: 'e-mail' }),
  })
  .meta({ id: 'Contact', title: '联系方式', description: 'contact details where the report states them' });

const Agency = z
  .object({
    name: z.string().min(1).meta({ title: '机构名称', description: 'the agency’s name as published' }),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .meta({ description: 'Stable URL slug made from the name’s pinyin' }),
    nameFrom: z
      .enum(['frontMatter', 'title', 'receivingBody', 'signature', 'pageMetadata', 'fileName'])
      .meta({
        description:
          'Where the name was read: Markdown front matter, the title, the 受理机构 sentence, the signature, the web page’s metadata, or the file name',
      }),
    canonicalName: z.string().min(1).meta({
      title: '机构规范名称',
        description: 'the name the portal lists the agency under: from reports/agencies.yml where an editor declared it, else the name as published',
    }),
    region: z.array(z.string()).meta({
      title: '所属地区',
        description: 'the regions the agency belongs to, largest first (e.g. ["长春市", "南关区"]): from reports/agencies.yml, else read from the leading place names of the agency’s name',
    }),
  })
  .meta({ id: 'Agency', title: '发布机构', description: 'the reporting agency' });

const base = {
  schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'Version of this schema' }),
  id: z.string().meta({ description: 'Stable id: agency slug and year, e.g. nanguanqu-ziqiangjiedao-2024' }),
  agency: Agency,
  year: z.number().int().min(2000).max(2100).meta({ title: '统计年度', description: 'the year the statistics cover (not the publication year)' }),
  yearFrom: z
    .enum(['frontMatter', 'title', 'statisticsPeriod', 'text', 'pageMetadata', 'fileName'])
    .meta({
      description:
        'Where the year was read: Markdown front matter, the title, the 统计期限 sentence, the text, the web page’s metadata, or the file name',
    }),
  title: z.string().nullable().meta({ title: '标题', description: 'the title as published' }),
  publishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .meta({
      title: '发布日期',
        description: 'ISO 8601: the date signed at the end of the report; where it has none, the date its web page or front matter gives',
    }),
  contact: Contact,
  preamble: z.array(Block).meta({ title: '导语', description: 'text before part 1' }),
  sections: z.array(Section).meta({ description: 'The six parts in source order, with their prose' }),
  reviewLitigation: ReviewLitigation,
  fees: Fees,
  findings: z.array(Finding).meta({ description: 'Problems found while reading the report' }),
  source: SourceInfo,
};

export const Report2021 = z
  .object({
    ...base,
    template: z.literal('2021').meta({ title: '表格模板', description: '国办公开办函〔2021〕30号' }),
    proactive: Proactive2021,
    applications: Applications2021,
  })
  .meta({ id: 'Report2021' });

export const Report2019 = z
  .object({
    ...base,
    template: z.literal('2019').meta({ title: '表格模板', description: '国办公开办函〔2019〕60号' }),
    proactive: Proactive2019,
    applications: Applications2019,
  })
  .meta({ id: 'Report2019' });

export const Report = z.discriminatedUnion('template', [Report2019, Report2021]).meta({
  id: 'Report',
  title: '政府信息公开工作年度报告',
  description:
    'One agency’s annual report on government information disclosure for one year: metadata, prose and the three fixed tables. Every table value is a number or null (blank or unreadable, never 0).',
});
export type Report = z.infer<typeof Report>;
export type Report2021 = z.infer<typeof Report2021>;
export type Report2019 = z.infer<typeof Report2019>;
export type Template = Report['template'];

/** The JSON Schema published beside the data. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
