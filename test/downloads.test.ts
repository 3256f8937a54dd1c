/**
 * The data for journalists, as a build publishes it: every listed download exists and matches
 * its checksum, the zip holds them (read back with fflate, and tested by Info-ZIP's unzip where
 * installed), every record validates against the published JSON Schema with a standard
 * validator (ajv), every CSV read back with a CSV library gives the JSON's values (blanks
 * included), and the data package describes the CSV headers exactly.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableValues } from '../src/publish/table-values.ts';
import type { Report } from '../src/schema/report.ts';
import { FEED_ENTRIES } from '../src/site/load-site-data.ts';
import { sharedBuild } from './built-site/shared-build.ts';
import { infoZip, unzipTest } from './info-zip.ts';

let site = '';
let reports: Report[] = [];

beforeAll(() => {
  site = sharedBuild().site;
  reports = readdirSync(join(site, 'data/reports'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(site, 'data/reports', name), 'utf8')) as Report);
}, 240_000);

const read = (path: string) => readFileSync(join(site, path));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A CSV as the library reads it: the byte-order mark is the only thing it must be told about. */
const csv = (path: string): Array<Record<string, string>> => parseCsv(read(path), { columns: true, bom: true, skip_empty_lines: true });

describe('the data page', () => {
  it('lists every bulk file with a checksum that matches the file', () => {
    const html = read('data/index.html').toString();
    const rows = [...html.matchAll(/<a href="\/data\/bulk\/([^"]+)">[^<]+<\/a><\/th>[\s\S]*?<code class="tp-hash">([0-9a-f]{64})<\/code>/g)];
    expect(rows.map(([, name]) => name)).toEqual([
      'reports.json', 'reports.jsonl', 'values.csv', 'proactive-2021.csv', 'proactive-2019.csv', 'applications.csv',
      'review-litigation.csv', 'indicators.csv', 'findings.csv', 'findings.json', 'datapackage.json', 'README.md', 'gongkai-data.zip',
    ]);
    for (const [, name, hash] of rows) expect(sha256(read(`data/bulk/${name}`)), name).toBe(hash);
    const sums = read('data/bulk/SHA256SUMS').toString().trim().split('\n').map((line) => line.split('  '));
    for (const [hash, name] of sums) expect(sha256(read(`data/bulk/${name}`)), name).toBe(hash);
  });

  it('links every report’s JSON, CSV, Markdown and original from its page, and each exists', () => {
    // The data page gives the addresses' pattern; each report's page links its own files (a
    // list of every report's files would grow with the site: issue 14).
    expect(read('data/index.html').toString()).toContain('<code>/data/reports/&lt;报告编号&gt;.json</code>');
    for (const report of reports) {
      const html = read(`agencies/${report.agency.slug}/${report.year}/index.html`).toString();
      const links = [...html.matchAll(/href="(\/data\/(?:reports|sources)\/[^"]+)"/g)].map(([, href]) => decodeURI(href!));
      expect(links.slice(0, 3), report.id).toEqual(['json', 'csv', 'md'].map((extension) => `/data/reports/${report.id}.${extension}`));
      expect(links, report.id).toHaveLength(4);
      for (const link of links) expect(existsSync(join(site, link)), link).toBe(true);
    }
  });

  it('publishes a zip holding the other bulk files, byte for byte', () => {
    if (infoZip) expect(unzipTest(join(site, 'data/bulk/gongkai-data.zip'))).toContain('No errors detected');
    const zip = unzipSync(read('data/bulk/gongkai-data.zip'));
    expect(Object.keys(zip).sort()).toEqual(readdirSync(join(site, 'data/bulk')).filter((name) => !['gongkai-data.zip', 'SHA256SUMS'].includes(name)).sort());
    for (const [name, bytes] of Object.entries(zip)) expect(sha256(bytes), name).toBe(sha256(read(`data/bulk/${name}`)));
    expect(Buffer.from(zip['README.md']!).toString()).toMatch(/## How to cite[\s\S]*## Known to be inconsistent|## Known to be inconsistent[\s\S]*## How to cite/);
  });
});

describe('records against the published JSON Schema (ajv)', () => {
  it('validates every record, in its own file, in reports.json and in reports.jsonl', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(read('data/report.schema.json').toString()));
    const all = [
      ...reports,
      ...(JSON.parse(read('data/bulk/reports.json').toString()) as Report[]),
      ...read('data/bulk/reports.jsonl').toString().trim().split('\n').map((line) => JSON.parse(line) as Report),
    ];
    expect(all).toHaveLength(reports.length * 3);
    for (const record of all) {
      expect(validate(record), `${record.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(record.schemaVersion).toBe('1.3.0');
    }
  });

  it('rejects a record with a number where a blank must be null, or 0 as text', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(read('data/report.schema.json').toString()));
    const broken = structuredClone(reports[0]!) as unknown as { applications: { newReceived: { total: unknown } } };
    broken.applications.newReceived.total = '0';
    expect(validate(broken)).toBe(false);
  });
});

describe('CSV read back with a CSV library', () => {
  const valueText = (value: number | null) => (value === null ? '' : String(value));

  it('starts with a byte-order mark and uses CRLF line ends', () => {
    for (const name of ['values.csv', 'applications.csv', 'indicators.csv', 'findings.csv']) {
      const bytes = read(`data/bulk/${name}`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString()).toContain('\r\n');
    }
  });

  it('values.csv gives every table value of every record, blanks empty', () => {
    const rows = csv('data/bulk/values.csv');
    const expected = reports.flatMap((report) => tableValues(report).map((v) => `${report.id}|${v.table}|${v.rowKey}|${v.columnKey}|${valueText(v.value)}|${v.sourceLine ?? ''}`));
    expect(rows.map((r) => `${r['report_id']}|${r['table']}|${r['row_key']}|${r['column_key']}|${r['value']}|${r['source_line']}`).sort()).toEqual(expected.sort());
    expect(rows.some((r) => r['value'] === '')).toBe(true);
  });

  it('each report’s own CSV gives its values', () => {
    for (const report of reports) {
      const rows = csv(`data/reports/${report.id}.csv`);
      expect(rows.map((r) => r['value'])).toEqual(tableValues(report).map((v) => valueText(v.value)));
    }
  });

  it('the wide CSVs give one row per report with its values', () => {
    const files: Array<[string, (r: Report) => boolean, string]> = [
      ['applications.csv', () => true, 'applications'],
      ['review-litigation.csv', () => true, 'reviewLitigation'],
      ['proactive-2021.csv', (r) => r.template === '2021', 'proactive'],
      ['proactive-2019.csv', (r) => r.template === '2019', 'proactive'],
    ];
    for (const [file, include, table] of files) {
      const rows = new Map(csv(`data/bulk/${file}`).map((row) => [row['report_id']!, row]));
      const included = reports.filter(include);
      expect(rows.size, file).toBe(included.length);
      for (const report of included) {
        const row = rows.get(report.id)!;
        for (const value of tableValues(report).filter((v) => v.table === table)) {
          expect(row[`${value.rowKey}.${value.columnKey}`], `${file} ${report.id} ${value.path}`).toBe(valueText(value.value));
        }
      }
    }
  });

  it('findings.csv gives every finding', () => {
    const rows = csv('data/bulk/findings.csv');
    const expected = reports.flatMap((report) => report.findings.map((f) => `${report.id}|${f.rule}|${f.severity}|${f.message}`));
    expect(rows.map((r) => `${r['report_id']}|${r['rule']}|${r['severity']}|${r['message']}`).sort()).toEqual(expected.sort());
  });
});

describe('the indicators file', () => {
  /** A sum that is unknown when any of its figures is blank (as the pages and the file must treat it). */
  const sum = (figures: Array<number | null>) => (figures.includes(null) ? null : (figures as number[]).reduce((a, b) => a + b, 0));

  it('gives each report’s three shares from its own totals, with the figures, and none across a blank', () => {
    const rows = csv('data/bulk/indicators.csv');
    expect(rows.map((row) => row['report_id']).sort()).toEqual(reports.map((report) => report.id).sort());
    let shares = 0;
    let empty = 0;
    for (const report of reports) {
      const row = rows.find((candidate) => candidate['report_id'] === report.id)!;
      const r = report.applications.results;
      const rl = report.reviewLitigation;
      const groups = [rl.review, rl.litigationDirect, rl.litigationAfterReview];
      const expected = {
        granted_share: [sum([r.granted.total, r.partialGrant.total]), r.total.total] as const,
        denied_share: [sum(Object.values(r.denied).map((row) => row.total)), r.total.total] as const,
        corrected_share: [sum(groups.map((group) => group.corrected)), sum(groups.map((group) => group.total))] as const,
      };
      for (const [name, [numerator, denominator]] of Object.entries(expected)) {
        expect(row[`${name}_numerator`], `${report.id} ${name}`).toBe(numerator === null ? '' : String(numerator));
        expect(row[`${name}_denominator`], `${report.id} ${name}`).toBe(denominator === null ? '' : String(denominator));
        if (numerator === null || denominator === null || denominator === 0) {
          expect([row[name], row[`${name}_missing`]]).toEqual(['', numerator === null || denominator === null ? 'blank' : 'zero']);
          empty++;
        } else {
          expect(Number(row[name])).toBeCloseTo(numerator / denominator, 4);
          expect(row[`${name}_missing`]).toBe('');
          shares++;
        }
      }
    }
    expect(shares).toBeGreaterThan(10);
    expect(empty).toBeGreaterThan(10);
  });
});

describe('the data package', () => {
  it('describes exactly the columns of each CSV file', () => {
    const pkg = JSON.parse(read('data/bulk/datapackage.json').toString()) as {
      resources: Array<{ path: string; schema: { fields: Array<{ name: string; type: string }>; primaryKey: string[] } }>;
    };
    expect(pkg.resources.map((resource) => resource.path).sort()).toEqual(
      readdirSync(join(site, 'data/bulk')).filter((name) => name.endsWith('.csv')).sort(),
    );
    for (const resource of pkg.resources) {
      const header = Object.keys(csv(`data/bulk/${resource.path}`)[0] ?? {});
      expect(resource.schema.fields.map((field) => field.name), resource.path).toEqual(header);
      for (const key of resource.schema.primaryKey) expect(header).toContain(key);
    }
  });
});

describe('feeds', () => {
  it('lists the latest reports in the Atom feed (all of them in a site this small) and every page in the sitemap', () => {
    const feed = read('feed.xml').toString();
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(reports.length).toBeLessThan(FEED_ENTRIES);
    expect(feed.match(/<entry>/g)).toHaveLength(reports.length);
    const sitemap = read('sitemap.xml').toString();
    for (const report of reports) expect(sitemap).toContain(`/agencies/${report.agency.slug}/${report.year}/</loc>`);
    // Every page the site has, once, and nothing else (the not-found page is no page to list).
    const pages = (folder: string, address: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? pages(join(folder, entry.name), `${address}${entry.name}/`) : entry.name === 'index.html' ? [address] : [],
      );
    const listed = [...sitemap.matchAll(/<loc>[a-z]+:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(listed.length).toBe(new Set(listed).size);
    expect(new Set(listed)).toEqual(new Set(pages(site, '/')));
  });
});
