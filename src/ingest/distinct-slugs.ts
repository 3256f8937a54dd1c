/**
 * Two different agencies never share an address. Slugs are toneless pinyin, so 春晓街道 and
 * 春筱街道 (or 0春筱街道, with a digit the slug drops) would both be chunxiaojiedao, and the
 * second report would be dropped as a duplicate of the first, or take its place. Where different
 * names (after reports/agencies.yml) give one slug, each gets a tag made from its own name
 * (chunxiaojiedao-1a2b3c): the same name always gets the same address, whatever other files
 * come, and a finding on each report says why. An agency the registry names keeps its slug; only
 * the registry may declare two names the same agency.
 */
import { nameKey, nameTag } from '../extract/slugify-agency.ts';
import type { Report } from '../schema/report.ts';

export function distinctSlugs(reports: readonly Report[], keeps: (report: Report) => boolean): Report[] {
  // Names by slug, each under its key: 南关区<b>民政局</b> is 南关区民政局 with markup typed in.
  const names = new Map<string, Map<string, string>>();
  for (const report of reports) {
    const byKey = names.get(report.agency.slug) ?? new Map<string, string>();
    byKey.set(nameKey(report.agency.canonicalName), report.agency.canonicalName);
    names.set(report.agency.slug, byKey);
  }
  return reports.map((report) => {
    const own = nameKey(report.agency.canonicalName);
    const others = [...names.get(report.agency.slug)!].filter(([key]) => key !== own).map(([, name]) => name);
    if (others.length === 0 || keeps(report)) return report;
    const slug = `${report.agency.slug}-${nameTag(own)}`;
    return {
      ...report,
      id: `${slug}-${report.year}`,
      agency: { ...report.agency, slug },
      findings: [
        ...report.findings,
        {
          rule: 'same-address',
          severity: 'info' as const,
          message: `机构名称“${report.agency.canonicalName}”与“${others.join('”“')}”的拼音相同：为免两个机构共用一个网址，本机构的网址末尾加上由其名称生成的区分码。如确是同一机构，请在 reports/agencies.yml 中登记`,
          paths: ['agency.slug'],
          line: null,
          column: null,
        },
      ],
    };
  });
}
