/**
 * reports/agencies.yml: the one small file in which an editor declares that several published
 * names are the same agency, what the portal calls it, and its region. The same agency under
 * different titles across years is common (长春市南关区新春街道办事处 / 南关区新春街道办事处).
 *
 *   - name: 南关区新春街道办事处          # the name the portal uses
 *     aliases: [长春市南关区新春街道办事处]  # other names it publishes under
 *     region: [长春市, 南关区]             # largest first
 *     slug: nanguanqu-xinchunjiedao       # optional: the address, if the pinyin of name will not do
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ReportError } from '../diagnostics/report-error.ts';
import { slugifyAgency } from '../extract/slugify-agency.ts';
import type { Report } from '../schema/report.ts';

export const REGISTRY_FILE = 'agencies.yml';

const Entry = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  region: z.array(z.string().min(1)).default([]),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能由小写字母、数字和连字符组成')
    .optional(),
});
const Registry = z.array(Entry);

export interface AgencyEntry {
  name: string;
  slug: string;
  region: string[];
}

export type AgencyRegistry = ReadonlyMap<string, AgencyEntry>;

const key = (name: string) => name.replace(/\s+/g, '');

/** A registry of thousands of agencies is well under a megabyte. */
const REGISTRY_LIMIT = 4 * 1024 * 1024;

/** Reads the registry; a missing file is an empty registry, a malformed one a ReportError with its line. */
export function loadAgencyRegistry(path: string): AgencyRegistry {
  const registry = new Map<string, AgencyEntry>();
  if (!existsSync(path)) return registry;
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new ReportError('registry-unreadable', '机构登记文件 reports/agencies.yml 不是一个文件（是文件夹或其他）');
    if (stats.size > REGISTRY_LIMIT) {
      throw new ReportError('registry-unreadable', `机构登记文件过大（${stats.size} 字节，上限 ${REGISTRY_LIMIT} 字节）`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError('registry-unreadable', `无法读取机构登记文件（${(error as NodeJS.ErrnoException).code ?? 'unknown'}）`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new ReportError('registry-syntax', `机构登记文件不是有效的 YAML：${error.message.split('\n')[0]}`, lineOf(error.pos[0]));
  }
  let content: unknown;
  try {
    // An alias expanded past a few hundred copies is a "billion laughs", not a list of agencies.
    content = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ReportError('registry-syntax', `机构登记文件无法展开：${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const parsed = Registry.safeParse(content ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path as Array<string | number>;
    // The deepest node of the path that exists in the file (a missing key has none of its own).
    let node: { range?: [number, number, number] } | undefined;
    for (let depth = path.length; depth >= 0 && !node?.range; depth--) {
      node = document.getIn(path.slice(0, depth), true) as typeof node;
    }
    const item = typeof path[0] === 'number' ? `第 ${path[0] + 1} 项` : '内容';
    const field = path.slice(1).join('.');
    throw new ReportError(
      'registry-entry',
      `机构登记文件${item}${field ? `的 ${field}` : ''}有误：${issue.message}（每项应有 name，可有 aliases、region、slug）`,
      lineOf(node?.range?.[0]),
    );
  }
  for (const entry of parsed.data) {
    const resolved = { name: entry.name, slug: entry.slug ?? slugifyAgency(entry.name), region: entry.region };
    for (const name of [entry.name, ...entry.aliases]) {
      const clash = registry.get(key(name));
      if (clash && clash !== resolved) {
        throw new ReportError('registry-duplicate', `机构登记文件中“${name}”出现在两个机构之下（${clash.name}、${entry.name}）`, 1);
      }
      registry.set(key(name), resolved);
    }
  }
  return registry;
}

/** The report under the agency the registry declares its published name to be, if any. */
export function applyRegistry(report: Report, registry: AgencyRegistry): Report {
  const entry = registry.get(key(report.agency.name));
  if (!entry) return report;
  return {
    ...report,
    id: `${entry.slug}-${report.year}`,
    agency: {
      ...report.agency,
      canonicalName: entry.name,
      slug: entry.slug,
      region: entry.region.length > 0 ? entry.region : report.agency.region,
    },
  };
}

/** Whether the registry names the report's agency (its published name or an alias). */
export function inRegistry(report: Report, registry: AgencyRegistry): boolean {
  return registry.has(key(report.agency.name));
}
