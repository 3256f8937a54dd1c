/**
 * The site's data: the validated records written by `npm run ingest`, loaded once per build.
 * Templates only render what this returns; they never parse a report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../schema/report.ts';
import type { IngestFailure } from '../ingest.ts';

export interface SiteData {
  reports: Report[];
  failures: IngestFailure[];
}

export function loadSiteData(folder: string): SiteData {
  const indexPath = join(folder, 'index.json');
  if (!existsSync(indexPath)) {
    throw new Error(`${indexPath} not found: run npm run ingest (npm run build does) before building the site`);
  }
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { reports: Array<{ id: string }>; failures: IngestFailure[] };
  const reports = index.reports
    .map((entry) => Report.parse(JSON.parse(readFileSync(join(folder, 'reports', `${entry.id}.json`), 'utf8'))))
    .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'zh-CN') || b.year - a.year);
  return { reports, failures: index.failures };
}
