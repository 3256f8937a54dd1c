/**
 * The published data contract: one zod schema is the source of the TypeScript types, of the
 * validation every record passes before it is written, and of the JSON Schema file
 * (`schema/report.schema.json`). Each key's title is its Chinese label as the official template
 * words it, its description an English gloss, so the data dictionary needs no second copy.
 */
import { z } from 'zod';
import type { CountColumn, MatrixNode, ProactiveRow, TemplateDescription } from '../report-format/describe.ts';
import { CELL_UNITS, isWholeNumber, type CellKind } from '../report-format/numbers.ts';
import { TABLE_LABELS } from '../report-format/tables.ts';
import type { APPLICANTS } from '../report-format/templates/common.ts';
import { TEMPLATES } from '../report-format/templates/index.ts';

/**
 * Semantic: 1.1.0 added 'pdf', 'doc', 'wps' and 'rtf' to source.format (a record of 1.0.0 is valid
 * under 1.1.0); 1.2.0 each value's table, row and column; 1.3.0 `checks`, how much of the tables'
 * arithmetic could be checked; 2.0.0 `source.cells` in the shape of the tables, each value's place
 * a compact array (src/schema/cell-places.ts) instead of an object keyed by its dotted path.
 */
export const SCHEMA_VERSION = '2.0.0';

/**
 * Each key's metadata, carried into the JSON Schema: `title` is its Chinese label as the official
 * template words it, `description` an English gloss, and a table value's unit is `x-unit` (an
 * annotation JSON Schema lets through). The data dictionary reads them as they are.
 */

// ---------------------------------------------------------------------------------------------
// The three tables, made from the template descriptions (src/report-format/templates/)

type Nullable = z.ZodNullable<z.ZodNumber>;
type Flat<T> = { [K in keyof T]: T[K] };

/** One value of a table, in its kind's unit: a count is a whole number; `null` when blank or unreadable, never 0. */
function valueSchema(kind: CellKind, title: string, description: string): Nullable {
  const number = isWholeNumber(kind) ? z.number().int() : z.number();
  return number.nullable().meta({ title, description, 'x-unit': CELL_UNITS[kind] });
}

type CountsShape<C extends readonly CountColumn[]> = { [K in C[number]['key']]: Nullable };

/** A row of counts, one per column (applicant types, review outcomes). */
function countsSchema<C extends readonly CountColumn[]>(columns: C) {
  const shape = Object.fromEntries(
    columns.map((column) => [column.key, valueSchema('count', column.over ? `${column.over}·${column.label}` : column.label, column.meaning)]),
  );
  return z.strictObject(shape as CountsShape<C>);
}

type ProactiveRowShape<R extends ProactiveRow> = Flat<
  { [C in R['columns'][number] as C['key']]: Nullable } & {
    [C in R['columns'][number] as C extends { textKey: infer T extends string } ? T : never]: z.ZodNullable<z.ZodString>;
  }
>;
type ProactiveShape<D extends TemplateDescription> = {
  [R in D['proactive']['rows'][number] as R['key']]: z.ZodObject<Extract<ProactiveRowShape<R>, z.core.$ZodShape>>;
};

function proactiveSchema<D extends TemplateDescription>(template: D) {
  const shape = Object.fromEntries(
    template.proactive.rows.map((row) => {
      const columns: Record<string, z.ZodType> = {};
      for (const column of row.columns) {
        columns[column.key] = valueSchema(column.kind, column.label, column.meaning);
        if (column.textKey) {
          columns[column.textKey] = z.string().nullable().meta({ title: `${column.label}（原文）`, description: column.textMeaning ?? '' });
        }
      }
      return [row.key, z.strictObject(columns).meta({ title: `第二十条第（${row.item}）项·${row.label}`, description: row.meaning })];
    }),
  );
  return z
    .strictObject(shape as ProactiveShape<D>)
    .meta({ id: `Proactive${template.id}`, description: `${TABLE_LABELS.proactive} (${template.id} template)` });
}

type Counts<D extends TemplateDescription> = z.ZodObject<CountsShape<D['applications']['columns']>>;
type MatrixShape<N, Row> = {
  [K in keyof N]: N[K] extends { kind: 'group'; children: infer C } ? z.ZodObject<Extract<MatrixShape<C, Row>, z.core.$ZodShape>> : Row;
};

function matrixSchema(nodes: Readonly<Record<string, MatrixNode>>, counts: z.ZodObject): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(nodes).map(([key, node]) => [
      key,
      node.kind === 'row'
        ? counts.meta({ title: node.label, description: node.meaning })
        : z.strictObject(matrixSchema(node.children, counts)).meta({ title: node.label, description: node.meaning }),
    ]),
  );
}

/**
 * One schema per distinct part, made once: templates that share a part (the same object in their
 * descriptions) share its schema and its id in the JSON Schema; a template with its own version of
 * the part gets its own id (ApplicantCounts2026).
 */
function sharedPart<P extends object, S>(build: (part: P, id: string) => S, id: string) {
  const made = new WeakMap<P, S>();
  return (part: P, template: string): S => {
    let schema = made.get(part);
    if (schema === undefined) {
      schema = build(part, made.has(part) || ids.has(id) ? `${id}${template}` : id);
      ids.add(id);
      made.set(part, schema);
    }
    return schema;
  };
}
const ids = new Set<string>();

const applicantCounts = sharedPart(
  (columns: readonly CountColumn[], id) =>
    countsSchema(columns).meta({ id, title: '申请人情况', description: 'one row of the applications matrix, split by applicant type' }),
  'ApplicantCounts',
);

function applicationsSchema<D extends TemplateDescription>(template: D) {
  const counts = applicantCounts(template.applications.columns, template.id) as Counts<D>;
  return z
    .strictObject(matrixSchema(template.applications.rows, counts) as MatrixShape<D['applications']['rows'], Counts<D>>)
    .meta({ id: `Applications${template.id}`, description: `${TABLE_LABELS.applications} (${template.id} template)` });
}

const reviewLitigationPart = sharedPart((part: TemplateDescription['reviewLitigation'], id) => {
  const outcomes = countsSchema(part.outcomes).meta({
    id: id.replace('ReviewLitigation', 'ReviewOutcomes'),
    title: '结果',
    description: 'outcomes of one group of cases',
  });
  const shape = Object.fromEntries(part.groups.map((group) => [group.key, outcomes.meta({ title: group.label, description: group.meaning })]));
  return z.strictObject(shape).meta({ id, title: TABLE_LABELS.reviewLitigation, description: 'review and litigation' });
}, 'ReviewLitigation');

function reviewLitigationSchema<D extends TemplateDescription>(template: D) {
  return reviewLitigationPart(template.reviewLitigation, template.id) as unknown as z.ZodObject<{
    [K in D['reviewLitigation']['groups'][number]['key']]: z.ZodObject<CountsShape<D['reviewLitigation']['outcomes']>>;
  }>;
}

export type ApplicantCounts = Record<(typeof APPLICANTS)[number]['key'], number | null>;

// ---------------------------------------------------------------------------------------------
// Prose, metadata, findings, source

export const Block = z
  .strictObject({
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
  .strictObject({
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
  .strictObject({
    noticesSent: valueSchema('count', '发出收费通知的件数', 'fee notices sent'),
    amountNotifiedYuan: valueSchema('yuan', '收费通知的总金额（元）', 'total amount notified, in yuan'),
    amountCollectedYuan: valueSchema('yuan', '实际收取的总金额（元）', 'total amount collected, in yuan'),
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
  .strictObject({
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

const position = z.number().int().positive();
const placeItems = [
  z.number().int().nullable().meta({ title: '行', description: 'Line of the cell in the source file (null where the file has no lines: Word, PDF)' }),
  z.number().int().nullable().meta({ title: '列', description: 'Column of the cell in the source file (null where the file has no lines)' }),
  position.meta({ title: '第几张表', description: 'Which of the report’s tables the cell is in, counted from 1 in the order they come (a table the page only uses for layout is not counted)' }),
  position.meta({ title: '表中第几行', description: 'The cell’s row in that table, from 1, header rows included; a merged cell counts in every row it spans' }),
  position.meta({ title: '表中第几列', description: 'The cell’s column in that table, from 1; a merged cell counts in every column it spans' }),
] as const;
/** Five numbers, and the printed text only where it is not the value written as a number (two tuples: a validator in strict mode refuses an optional item). */
export const CellPlace = z
  .union([
    z.tuple([...placeItems]),
    z.tuple([...placeItems, z.string().meta({ title: '原文写法', description: 'The cell’s text as printed, where it is not the value written as a number (empty for a blank cell)' })]),
  ])
  .meta({
    id: 'CellPlace',
    title: '数值出处',
    description: 'Where one published value was read: [line, column, table, row, tableColumn], and the printed text where it is not the value itself',
  });
export type CellPlace = z.infer<typeof CellPlace>;
/** The places of a record's values, in the shape of its tables (see src/schema/cell-places.ts). */
export interface CellTree {
  [key: string]: CellPlace | CellTree;
}
export const CellTree: z.ZodType<CellTree> = z
  .record(z.string(), z.union([CellPlace, z.lazy(() => CellTree)]))
  .meta({
    id: 'CellTree',
    title: '数值出处',
    description:
      'For every table value, at the same path as the value (source.cells.applications.newReceived.total): [line, column, table, row, tableColumn] and, where the printed text is not the value written as a number, that text',
  });

export const SourceInfo = z
  .strictObject({
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
      .strictObject({
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
    cells: CellTree,
  })
  .meta({ id: 'SourceInfo', title: '来源', description: 'the file this record was read from' });
export type SourceInfo = z.infer<typeof SourceInfo>;

const Contact = z
  .strictObject({
    address: z.string().nullable().meta({ title: '办公地址', description: 'address' }),
    postcode: z.string().nullable().meta({ title: '邮政编码', description: 'postcode' }),
    phone: z.string().nullable().meta({ title: '联系电话', description: 'phone' }),
    fax: z.string().nullable().meta({ title: '传真', description: 'fax' }),
    website: z.string().nullable().meta({ title: '网址', description: 'website' }),
    email: z.string().nullable().meta({ title: '电子邮箱', description: 'e-mail' }),
  })
  .meta({ id: 'Contact', title: '联系方式', description: 'contact details where the report states them' });

const Agency = z
  .strictObject({
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
};
const baseAfterTables = {
  fees: Fees,
  findings: z.array(Finding).meta({ description: 'Problems found while reading the report' }),
  checks: z
    .strictObject({
      relations: z.number().int().min(0).meta({
        title: '勾稽关系数',
        description: 'How many arithmetic relations the tables must satisfy: each row’s total, the results total and the balance per applicant column, each review group’s total, part 2’s implied counts (src/checks/implied-count.ts)',
      }),
      checkable: z.number().int().min(0).meta({
        title: '可核对的勾稽关系数',
        description: 'How many of them could be checked: the others involve a blank cell, which is never taken as 0',
      }),
    })
    .meta({ id: 'Checks', title: '勾稽关系核对情况', description: 'how much of the tables’ arithmetic the report’s numbers let be checked' }),
  source: SourceInfo,
};

/** A record of a report filled in on one template. */
function reportSchema<D extends TemplateDescription>(template: D) {
  return z
    .strictObject({
      ...base,
      reviewLitigation: reviewLitigationSchema(template),
      ...baseAfterTables,
      template: z.literal(template.id as D['id']).meta({ title: '表格模板', description: template.notice }),
      proactive: proactiveSchema(template),
      applications: applicationsSchema(template),
    })
    .meta({ id: `Report${template.id}` });
}

type Templates = typeof TEMPLATES;
type ReportSchemaOf<D extends TemplateDescription> = ReturnType<typeof reportSchema<D>>;
/** Each template's record schema, as a union (a conditional type distributes over the templates). */
type EachSchema<D> = D extends TemplateDescription ? ReportSchemaOf<D> : never;
type ReportSchemas = [EachSchema<Templates[number]>, ...Array<EachSchema<Templates[number]>>];

export const Report = z.discriminatedUnion('template', TEMPLATES.map((template) => reportSchema(template)) as unknown as ReportSchemas).meta({
  id: 'Report',
  title: '政府信息公开工作年度报告',
  description:
    'One agency’s annual report on government information disclosure for one year: metadata, prose and the three fixed tables. Every table value is a number or null (blank or unreadable, never 0).',
});
export type Report = z.infer<typeof Report>;
export type Template = Report['template'];
export type Proactive = Report['proactive'];
export type Applications = Report['applications'];
export type ReviewLitigation = Report['reviewLitigation'];

/** The JSON Schema published beside the data. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
