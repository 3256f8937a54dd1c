/**
 * Metadata: the agency as published (from the title, the 受理机构 sentence or the signature),
 * the statistics year (from the title or the 统计期限 sentence, never the publication date),
 * the publication date and the contact details, where the report states them.
 */
import { basename, extname } from 'node:path';
import type { Block, Report } from '../schema/report.ts';
import { ReportError } from '../diagnostics/report-error.ts';
import { numeralValue } from '../report-format/labels.ts';
import { slugifyAgency } from './slugify-agency.ts';
import type { SourceMetadata } from '../front-ends/front-end.ts';
import { inferRegion } from './infer-region.ts';

export type Metadata = Pick<Report, 'agency' | 'year' | 'yearFrom' | 'title' | 'publishedOn' | 'contact'>;

const TITLE_SUFFIX = /(?:关于)?(?:\d{4}年度?)?(?:的)?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)$/;
const RECEIVING_BODY = /受理机构(?:为|是|：|:)\s*([^。；;，,\s]{2,40})/;
const AGENCY_ENDING =
  /(?:办事处|街道|人民政府|政府|委员会|委|局|办公室|办|中心|管理处|管委会|处|所|院|厅|部|署|站|队|镇|乡|社区|片区)$/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const STATISTICS_PERIOD =
  /(?:统计|数据)[^。]{0,20}?(?:期限|时间|期间|区间|截止)[^。]{0,10}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日|((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-)\s*(?:(?:19|20)\d{2}\s*年\s*)?12\s*月\s*31\s*日/;
const DATE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CHINESE_DATE = /^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

const CONTACT_PATTERNS = {
  address: /(?:办公|通讯|通信|联系)?地址[:：]\s*([^；;。，,）)\n]+)/,
  postcode: /邮政编码[:：]?\s*(\d{6})|邮编[:：]?\s*(\d{6})/,
  phone: /(?:联系|咨询|办公|服务)?电话(?:号码)?[:：]\s*([0-9()（）\-－—、/ ]*\d)/,
  fax: /传真(?:号码|电话)?[:：]\s*([0-9()（）\-－— ]*\d)/,
  website: /(?:网址|网站(?:地址)?)(?:[:：（(]|\s)\s*((?:https?:\/\/)?[A-Za-z0-9][A-Za-z0-9.\-_/]*\.[A-Za-z]{2,}[A-Za-z0-9.\-_/]*)/,
  email: /(?:电子邮箱|电子邮件|邮箱|E-?mail)[:：]\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/i,
} as const;

/** An attachment line that names the report: 附件：某某厅2022年政府信息公开工作年度报告. */
const ATTACHMENT = /附件[ \t\u3000]*\d*[ \t\u3000]*[:：][ \t\u3000]*([^\n。；;]{2,60}?(?:报告|年报))/;

function agencyFromTitle(title: string): string | null {
  const name = title
    .replace(/\s+/g, '')
    .replace(/^附件\d*[:：]/, '')
    .replace(TITLE_SUFFIX, '')
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/^关于/, '')
    .replace(/的$/, '');
  return name.length >= 2 ? name : null;
}

function attachmentAgency(text: string): string | null {
  const named = ATTACHMENT.exec(text)?.[1];
  return named ? agencyFromTitle(named) : null;
}

function agencyFromSignature(blocks: Block[]): string | null {
  for (const block of blocks.slice(-4).reverse()) {
    const text = block.text.trim();
    if (block.type !== 'paragraph' || DATE.test(text) || CHINESE_DATE.test(text)) continue;
    if (text.length <= 30 && !/[。，；：,;:]/.test(text) && AGENCY_ENDING.test(text)) return text;
  }
  return null;
}

function agencyFromFileName(path: string): string | null {
  const stem = basename(path, extname(path))
    .replace(/^(?:19|20)\d{2}[-_ ]*/, '')
    .replace(/[-_ ]*(?:19|20)\d{2}$/, '');
  return /[\u4e00-\u9fff]/.test(stem) ? stem : null;
}

function validYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function publicationDate(blocks: Block[]): string | null {
  for (const block of blocks.slice(-4).reverse()) {
    const text = block.text.replace(/\s+/g, '');
    const arabic = DATE.exec(text);
    if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
    const chinese = CHINESE_DATE.exec(text);
    if (chinese) {
      const year = Number([...chinese[1]!].map((c) => String(numeralValue(c === '○' ? '〇' : c))).join(''));
      return isoDate(year, numeralValue(chinese[2]!), numeralValue(chinese[3]!));
    }
  }
  return null;
}

/**
 * `source` is what the file states outside the report's text: front matter an editor wrote
 * (which takes precedence) or a web page's metadata (used where the report lacks something).
 */
export function extractMetadata(
  blocks: Block[],
  bodyTitle: string | null,
  path: string,
  source: SourceMetadata | null = null,
): Metadata {
  const texts = blocks.filter((block) => block.type !== 'table');
  const allText = texts.map((block) => block.text).join('\n');
  const editor = source?.origin === 'frontMatter' ? source : null;
  const page = source?.origin === 'page' ? source : null;
  const title = editor?.title ?? bodyTitle ?? page?.title ?? null;

  type NameFrom = Metadata['agency']['nameFrom'];
  const candidates: Array<[string | null, NameFrom]> = [
    [editor?.agency ?? null, 'frontMatter'],
    [title ? agencyFromTitle(title) : null, 'title'],
    [attachmentAgency(allText), 'title'],
    [RECEIVING_BODY.exec(allText)?.[1] ?? null, 'receivingBody'],
    [agencyFromSignature(texts), 'signature'],
    [page?.agency ?? null, 'pageMetadata'],
    [agencyFromFileName(path), 'fileName'],
  ];
  const [name, nameFrom] = candidates.find(([candidate]) => candidate !== null) ?? [null, null];
  if (!name || !nameFrom) {
    throw new ReportError(
      'missing-agency',
      '找不到发布机构：标题、“受理机构为……”一句和文末署名中都没有机构名称，文件名中也没有',
      1,
    );
  }

  let year: number | null = editor?.year ?? null;
  let yearFrom: Metadata['yearFrom'] = 'frontMatter';
  if (year === null) {
    year = validYear(title ? YEAR.exec(title)?.[1] : undefined);
    yearFrom = 'title';
  }
  if (year === null) {
    const period = STATISTICS_PERIOD.exec(allText);
    year = validYear(period?.[1] ?? period?.[2]);
    yearFrom = 'statisticsPeriod';
  }
  if (year === null) {
    year = validYear(/((?:19|20)\d{2})\s*年度/.exec(allText)?.[1]);
    yearFrom = 'text';
  }
  if (year === null) {
    year = validYear(page?.year?.toString());
    yearFrom = 'pageMetadata';
  }
  if (year === null) {
    year = validYear(/((?:19|20)\d{2})/.exec(basename(path))?.[1]);
    yearFrom = 'fileName';
  }
  if (year === null) {
    throw new ReportError(
      'missing-year',
      '找不到统计年度：标题（如“2024年……年度报告”）、“统计期限自……”一句和文件名中都没有年份',
      1,
    );
  }

  const contact = Object.fromEntries(
    Object.entries(CONTACT_PATTERNS).map(([key, pattern]) => {
      const match = pattern.exec(allText);
      const value = match ? (match[1] ?? match[2] ?? '').trim() : '';
      return [key, value === '' ? null : value];
    }),
  ) as Metadata['contact'];

  return {
    agency: { name, slug: slugifyAgency(name), nameFrom, canonicalName: name, region: editor?.region ?? inferRegion(name) },
    year,
    yearFrom,
    title,
    publishedOn: editor?.publishedOn ?? publicationDate(texts) ?? page?.publishedOn ?? null,
    contact,
  };
}
