/**
 * The data dictionary, generated from the published JSON Schema rather than written a second
 * time: every key of a record with its Chinese label as the template words it, its meaning, its
 * type, its unit and the templates it exists in.
 */
import { NEWEST_FIRST, TEMPLATE_IDS } from '../report-format/templates/index.ts';
import { reportJsonSchema } from '../schema/report.ts';

export interface DictionaryEntry {
  path: string;
  label: string;
  /** What the key holds, in Chinese (the page's language). */
  meaningZh: string;
  /** The schema's English description. */
  meaning: string;
  type: string;
  unit: string;
  templates: string;
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  'x-unit'?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  const?: unknown;
  enum?: unknown[];
};

/** What the schema says of a key: its Chinese label (title), its English gloss, its unit. */
interface KeyMeta {
  label: string;
  meaning: string;
  unit: string;
}

/** A key's metadata: where it is written on the key, else on what the key refers to. */
function metaOf(node: JsonSchema, target: JsonSchema, inherited?: KeyMeta): KeyMeta {
  return {
    label: node.title ?? inherited?.label ?? target.title ?? '',
    meaning: node.description ?? inherited?.meaning ?? target.description ?? '',
    unit: node['x-unit'] ?? inherited?.unit ?? target['x-unit'] ?? '',
  };
}

/**
 * What the keys outside the three tables hold, in Chinese. A table's cell is described from its
 * label (tableMeaning); a key that is in neither gets its label, and a test keeps this list whole.
 */
export const MEANINGS: Readonly<Record<string, string>> = {
  schemaVersion: '本记录格式（JSON Schema）的版本号',
  id: '报告的固定编号：机构的拼音简称加年度，例如 nanguanqu-ziqiangjiedao-2024',
  'agency.name': '报告中写的机构名称',
  'agency.slug': '由机构名称拼音生成的固定简称，用于网址',
  'agency.nameFrom': '机构名称从哪里读到：Markdown 文件头、标题、“受理机构”一句、落款、网页的元数据或文件名',
  'agency.canonicalName': '本站列出该机构所用的名称：编辑在 reports/agencies.yml 中登记的名称，否则为报告中写的名称',
  'agency.region': '机构所属地区，由大到小（如 ["长春市", "南关区"]）：取自 reports/agencies.yml，否则从机构名称开头的地名读出',
  year: '报告的统计年度',
  yearFrom: '年度从哪里读到：Markdown 文件头、标题、统计期限一句、正文、网页的元数据或文件名',
  title: '报告的标题，按原文',
  publishedOn: '发布日期（ISO 8601 格式）：报告末尾落款的日期；没有落款日期时，取网页或文件头所载日期',
  'contact.address': '报告所载的办公地址',
  'contact.postcode': '报告所载的邮政编码',
  'contact.phone': '报告所载的联系电话',
  'contact.fax': '报告所载的传真',
  'contact.website': '报告所载的网址',
  'contact.email': '报告所载的电子邮箱',
  preamble: '第一部分之前的文字（导语）',
  'preamble[].type': '段落的类型：heading 为小标题，paragraph 为段落，table 表示此处是一张统计表',
  'preamble[].text': '按原文的文字（去掉提取时留下的标记）；统计表处为表的种类',
  'preamble[].line': '该段在原文件中的行号（Word 和 PDF 文件为 null）',
  sections: '报告的六个部分，按原文顺序，各含其文字',
  'sections[].part': '第几部分（1 至 6）',
  'sections[].key': '该部分的固定键名',
  'sections[].title': '模板中该部分的标题，例如“总体情况”',
  'sections[].heading': '原文中该部分的标题，例如“3、 收到和处理政府信息公开申请情况”',
  'sections[].line': '标题在原文件中的行号（Word 和 PDF 文件为 null）',
  'sections[].blocks': '该部分的段落和小标题，按原文顺序',
  'sections[].blocks[].type': '段落的类型：heading 为小标题，paragraph 为段落，table 表示此处是一张统计表',
  'sections[].blocks[].text': '按原文的文字（去掉提取时留下的标记）；统计表处为表的种类',
  'sections[].blocks[].line': '该段在原文件中的行号（Word 和 PDF 文件为 null）',
  'fees.noticesSent': '第六部分所载：本年发出收费通知的件数',
  'fees.amountNotifiedYuan': '第六部分所载：收费通知的金额合计（元）',
  'fees.amountCollectedYuan': '第六部分所载：实际收取的信息处理费（元）',
  'fees.statement': '第六部分中读出上述数字的原句；没有则为 null',
  'fees.line': '该句在原文件中的行号',
  'checks.relations': '表格应满足的勾稽关系数：每行合计、办理结果总计与各栏的申请数量平衡、复议诉讼各组总计',
  'checks.checkable': '其中数字齐全、可以核对的项数；其余涉及空白格（空白不当作 0），无法核对',
  findings: '读取报告时发现的问题',
  'findings[].rule': '规则编号，例如 missing-rows；检查该规则的代码模块同名',
  'findings[].severity': '严重程度：error 为数字缺失或有误，warning 为已读取但需核对，info 为提示',
  'findings[].message': '说明：应当是什么，报告中是什么',
  'findings[].paths': '涉及的数值的 JSON 路径',
  'findings[].line': '原文件中的行号',
  'findings[].column': '原文件中的列号',
  'source.path': '报告原文件的路径，相对于报告文件夹（reports/…）',
  'source.format': '原文件的格式：text（从 Word 文件提取的文字或网页的文字）、markdown、html（网页）、docx（Word）、pdf，或经 LibreOffice 读取的 doc、wps、rtf',
  'source.encoding': '识别出的字符编码（GBK 文件按其超集 GB18030 读取）；Word 和 PDF 文件为 null',
  'source.bom': '文件开头是否有字节顺序标记（BOM）',
  'source.sha256': '原文件字节的 SHA-256 校验值',
  'source.bytes': '原文件的大小（字节）',
  'source.lines': '原文件的行数',
  'source.metadata.origin': '报告外的信息来自哪里：page 为报告所在的网页（报告本身缺少时采用），frontMatter 为编辑写在 Markdown 文件开头的信息（优先采用）',
  'source.metadata.title': '网页或文件头所载的标题',
  'source.metadata.agency': '网页或文件头所载的发布机构',
  'source.metadata.year': '网页或文件头所载的年度',
  'source.metadata.region': '网页或文件头所载的地区，由大到小',
  'source.metadata.publishedOn': '网页或文件头所载的发文日期',
  'source.metadata.indexNumber': '网页所载的索引号',
  'source.metadata.url': '报告在发布机构网站上的网址（网页的 <meta name="Url">，或编辑写在 Markdown 文件开头的 url）；只收 http 和 https 网址',
  'source.cells': '每个表格数值的出处，与数值本身同一路径（如 source.cells.applications.newReceived.total 对应 applications.newReceived.total），写作 [原文件中的行, 列, 第几张表, 表中第几行, 表中第几列]（合并的单元格按它所跨的每一行、每一列计数）；原文写法与数值不同时（如“385万元”、全角数字、空白格），第六项为原文写法',
  template: '报告所用的统计表模板：2021 为国办公开办函〔2021〕30号，2019 为 2019 年版',
  'proactive.centralizedProcurement.amountText': '采购总金额一格的原文（例如“385万元”），供核对',
};

/** A table cell's meaning, from its label. */
function tableMeaning(label: string, unit: string): string {
  return `统计表中“${label}”一格的数字${unit ? `（单位：${unit}）` : ''}；原文空白为 null，不记作 0`;
}

export function dataDictionary(): DictionaryEntry[] {
  const schema = reportJsonSchema() as { $defs: Record<string, JsonSchema> };
  const defs = schema.$defs;
  const resolve = (node: JsonSchema): JsonSchema => (node.$ref ? resolve(defs[node.$ref.replace('#/$defs/', '')]!) : node);
  const entries = new Map<string, DictionaryEntry & { seen: Set<string> }>();

  // Labels compose down the tree: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人.
  const walk = (node: JsonSchema, path: string, template: string, inherited?: KeyMeta, prefix = '') => {
    const target = resolve(node);
    const own = metaOf(node, target, inherited);
    const ownLabel = own.label;
    const childPrefix = ownLabel && /[\u4e00-\u9fff]/.test(ownLabel) ? (prefix ? `${prefix}·${ownLabel}` : ownLabel) : prefix;
    const variants = target.anyOf ?? target.oneOf;
    if (variants) {
      const nonNull = variants.filter((variant) => resolve(variant).type !== 'null');
      if (nonNull.length === 1) {
        const inner = resolve(nonNull[0]!);
        const nullable = nonNull.length < variants.length;
        if (inner.properties) return walk(nonNull[0]!, path, template, own, prefix);
        return add(path, template, own, `${typeName(inner)}${nullable ? ' | null' : ''}`, prefix);
      }
    }
    if (target.properties) {
      for (const [key, child] of Object.entries(target.properties)) walk(child, path ? `${path}.${key}` : key, template, undefined, childPrefix);
      return;
    }
    if (target.type === 'array' && target.items) {
      const items = resolve(target.items);
      if (items.properties) {
        add(path, template, own, 'array', prefix);
        for (const [key, child] of Object.entries(items.properties)) walk(child, `${path}[].${key}`, template, undefined, childPrefix);
        return;
      }
      return add(path, template, own, `array of ${typeName(items)}`, prefix);
    }
    add(path, template, own, typeName(target), prefix);
  };

  const typeName = (node: JsonSchema): string => {
    if (node.const !== undefined) return `"${String(node.const)}"`;
    if (node.enum) return node.enum.map((value) => `"${String(value)}"`).join(' | ');
    if (node.type === 'object' && node.additionalProperties) return 'object (keyed by JSON path)';
    return Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? 'value');
  };

  const add = (path: string, template: string, meta: KeyMeta, type: string, prefix: string) => {
    const existing = entries.get(path);
    if (existing) {
      existing.seen.add(template);
      return;
    }
    const { label: own, meaning, unit } = meta;
    const label = own && prefix ? `${prefix}·${own}` : own || prefix;
    const inTable = /^(proactive|applications|reviewLitigation)\./.test(path) && /integer|number/.test(type);
    const meaningZh = MEANINGS[path] ?? (inTable ? tableMeaning(label, unit) : label);
    entries.set(path, { path, label, meaningZh, meaning, type, unit, templates: '', seen: new Set([template]) });
  };

  for (const template of NEWEST_FIRST) walk(defs[`Report${template.id}`]!, '', template.id);
  return [...entries.values()].map(({ seen, ...entry }) => ({
    ...entry,
    templates: TEMPLATE_IDS.filter((id) => seen.has(id)).join('、'),
  }));
}
