/**
 * The data for journalists, as a build publishes it: each year's records and values and the files
 * of all years; every listed download exists and matches its checksum, on the data page (a table
 * per group), in SHA256SUMS and in the README; the .gz copies gunzip to their files (fflate, and
 * gzip where installed) and the zip holds the files as the portal publishes them (fflate, and
 * Info-ZIP's unzip where installed); every record validates against the published JSON Schema with a standard validator
 * (ajv); every CSV read back with a CSV library gives the JSON's values (blanks included), the
 * tidy values joined to their labels and reports; and the data package describes each CSV file's
 * header, types, size and checksum exactly, its primary keys are unique and its foreign keys
 * resolve.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import { parse as parseCsv } from 'csv-parse/sync';
import { gunzipSync, unzipSync } from 'fflate';
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
/** A file's bytes, gunzipped where its name ends in .gz. */
const unpacked = (path: string) => (path.endsWith('.gz') ? Buffer.from(gunzipSync(read(path))) : read(path));
/** A CSV as the library reads it: the byte-order mark is the only thing it must be told about. */
const csv = (path: string): Array<Record<string, string>> => parseCsv(unpacked(path), { columns: true, bom: true, skip_empty_lines: true });
/** gzip itself, where installed, as a second reader of the .gz copies. */
const gzipTool = ['/usr/bin/gzip', '/bin/gzip'].find((path) => existsSync(path));

/** The bulk folder's files: the plain ones, their .gz copies, the zip and SHA256SUMS. */
const bulkFiles = () => readdirSync(join(site, 'data/bulk')).sort();
const plainFiles = () => bulkFiles().filter((name) => !name.endsWith('.gz') && !['gongkai-data.zip', 'SHA256SUMS'].includes(name));
const years = () => [...new Set(reports.map((report) => report.year))].sort((a, b) => a - b);
/** The files published only as their .gz copy: each year's records and values, for programs. */
const compressedOnly = () => years().flatMap((year) => [`reports-${year}.jsonl`, `values-${year}.csv`]);
/** Every file the zip holds, as the portal publishes it: the plain files, and the .gz of those published only compressed. */
const zippedFiles = () => [...plainFiles(), ...compressedOnly().map((name) => `${name}.gz`)].sort();
/** A bulk file's bytes: the file, or its .gz copy gunzipped where only that is published. */
const bulkBytes = (name: string) => (existsSync(join(site, 'data/bulk', name)) ? read(`data/bulk/${name}`) : Buffer.from(gunzipSync(read(`data/bulk/${name}.gz`))));

describe('the bulk folder', () => {
  it('has each year’s records and values, the files of all years, and no file of all years’ records or values', () => {
    const expected = [
      ...years().flatMap((year) => [`reports-${year}.jsonl.gz`, `values-${year}.csv.gz`]),
      'reports.csv', 'labels.csv', 'proactive-2021.csv', 'proactive-2019.csv', 'applications.csv', 'review-litigation.csv',
      'indicators.csv', 'findings.csv', 'findings.json', 'datapackage.json', 'README.md',
    ];
    expect(zippedFiles()).toEqual(expected.sort());
    expect(years().length).toBeGreaterThan(3);
  });

  it('publishes each year’s records and values only compressed: the .gz copy, not the plain JSON Lines or CSV', () => {
    for (const name of compressedOnly()) {
      expect(bulkFiles(), name).not.toContain(name);
      expect(bulkFiles(), name).toContain(`${name}.gz`);
    }
  });

  it('has a .gz beside every file from 4 KB on, gzip without a time or a name, that gunzips (fflate, gzip -t) to the file', () => {
    const plain = [...plainFiles(), 'SHA256SUMS'];
    const gzipped = bulkFiles().filter((name) => name.endsWith('.gz'));
    const zipped = unzipSync(read('data/bulk/gongkai-data.zip'));
    const expected = [...plain.filter((name) => read(`data/bulk/${name}`).length >= 4096 && name !== 'SHA256SUMS'), ...compressedOnly()];
    expect(gzipped.map((name) => name.slice(0, -3)).sort()).toEqual(expected.sort());
    expect(gzipped.length).toBeGreaterThan(10);
    for (const name of gzipped) {
      const bytes = read(`data/bulk/${name}`);
      // ID1 ID2 CM=deflate FLG=0 (no name, no comment, no extra field) MTIME=0 XFL=0 OS=Unix.
      expect([...bytes.subarray(0, 10)], name).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
      const plain = name.slice(0, -3);
      if (compressedOnly().includes(plain)) {
        // Published only compressed: the zip holds this very file, and the README its content's checksum.
        expect(sha256(zipped[name]!), name).toBe(sha256(bytes));
        expect(read('data/bulk/README.md').toString(), name).toContain(`| \`${plain}\` | `);
        expect(read('data/bulk/README.md').toString(), name).toContain(`\`${sha256(gunzipSync(bytes))}\``);
      } else {
        expect(sha256(gunzipSync(bytes)), name).toBe(sha256(read(`data/bulk/${plain}`)));
      }
      if (gzipTool) execFileSync(gzipTool, ['-t', join(site, 'data/bulk', name)]);
    }
  });
});

describe('the data page', () => {
  const rowsOf = (html: string) => [...html.matchAll(/<a href="\/data\/bulk\/([^"]+)">[^<]+<\/a>(?:<span[^>]*>[^<]*<\/span>)?<\/th>\s*<td class="tp-table__cell--numeric">([^<]+)<\/td>\s*<td><code class="tp-hash">([0-9a-f]{64})<\/code>/g)];

  it('lists every bulk file and .gz copy once, with a checksum that matches the file, as SHA256SUMS does', () => {
    const html = read('data/index.html').toString();
    const rows = rowsOf(html);
    expect(rows.map(([, name]) => name).sort()).toEqual(bulkFiles().filter((name) => name !== 'SHA256SUMS'));
    for (const [, name, , hash] of rows) expect(sha256(read(`data/bulk/${name}`)), name).toBe(hash);
    const sums = read('data/bulk/SHA256SUMS').toString().trim().split('\n').map((line) => line.split('  '));
    expect(sums.map(([, name]) => name).sort()).toEqual(bulkFiles().filter((name) => name !== 'SHA256SUMS'));
    for (const [hash, name] of sums) expect(sha256(read(`data/bulk/${name!}`)), name).toBe(hash);
  });

  it('groups them in a table each: the zip, the files of all years, each year (newest first), the descriptions', () => {
    const html = read('data/index.html').toString();
    const groups = [...html.matchAll(/<h3 id="downloads-([^"]+)">[^<]*<\/h3>([\s\S]*?)<\/table>/g)].map(([, id, body]) => [id!, rowsOf(body!).map(([, name]) => name!)] as const);
    expect(groups.map(([id]) => id)).toEqual(['all', 'tables', ...years().reverse().map((year) => `year-${year}`), 'about']);
    const files = Object.fromEntries(groups);
    expect(files['all']).toEqual(['gongkai-data.zip']);
    expect(files['tables']!.filter((name) => !name.endsWith('.gz'))).toEqual(['reports.csv', 'labels.csv', 'proactive-2021.csv', 'proactive-2019.csv', 'applications.csv', 'review-litigation.csv', 'indicators.csv', 'findings.csv', 'findings.json']);
    for (const year of years()) {
      expect(files[`year-${year}`]).toEqual([`reports-${year}.jsonl.gz`, `values-${year}.csv.gz`]);
    }
    // A copy comes right after its file (a file published only compressed is its copy alone).
    for (const [, names] of groups) {
      names.forEach((name, n) => name.endsWith('.gz') && !compressedOnly().includes(name.slice(0, -3)) && expect(names[n - 1], name).toBe(name.slice(0, -3)));
    }
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

  it('publishes a zip holding the bulk files as the portal does (the .gz of those published only compressed, no other .gz copy), byte for byte', () => {
    if (infoZip) expect(unzipTest(join(site, 'data/bulk/gongkai-data.zip'))).toContain('No errors detected');
    const zip = unzipSync(read('data/bulk/gongkai-data.zip'));
    expect(Object.keys(zip).sort()).toEqual(zippedFiles());
    for (const [name, bytes] of Object.entries(zip)) expect(sha256(bytes), name).toBe(sha256(bulkBytes(name)));
    expect(Buffer.from(zip['README.md']!).toString()).toMatch(/## How to cite[\s\S]*## Known to be inconsistent|## Known to be inconsistent[\s\S]*## How to cite/);
  });

  it('the README lists every file but itself and the zip with its size and checksum, and its copy’s', () => {
    const text = read('data/bulk/README.md').toString();
    const listed = [...text.matchAll(/^\| `([^`]+)` \| [^\n]*? \| (\d+) \| `([0-9a-f]{64})` \|$/gm)];
    expect(listed.map(([, name]) => name).sort()).toEqual([...bulkFiles(), ...compressedOnly()].filter((name) => !['gongkai-data.zip', 'SHA256SUMS', 'README.md', 'README.md.gz'].includes(name)).sort());
    for (const [, name, bytes, hash] of listed) {
      expect(bulkBytes(name!).length, name).toBe(Number(bytes));
      expect(sha256(bulkBytes(name!)), name).toBe(hash);
    }
    expect(text).toContain('`labels.csv` on `template`, `table`, `row_key` and `column_key`');
  });
});

describe('records against the published JSON Schema (ajv)', () => {
  it('validates every record, in its own file and in its year’s JSON Lines, where each is once', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(read('data/report.schema.json').toString()));
    const lines = years().flatMap((year) =>
      bulkBytes(`reports-${year}.jsonl`).toString().split('\n').filter(Boolean).map((line) => {
        expect(line).not.toContain('\n  ');
        const record = JSON.parse(line) as Report;
        expect(record.year, record.id).toBe(year);
        return record;
      }),
    );
    expect(lines.map((record) => record.id).sort()).toEqual(reports.map((report) => report.id).sort());
    const own = new Map(reports.map((report) => [report.id, report]));
    for (const record of lines) expect(record, record.id).toEqual(own.get(record.id));
    for (const record of [...reports, ...lines]) {
      expect(validate(record), `${record.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(record.schemaVersion).toBe('2.0.0');
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
    for (const name of [...plainFiles(), ...compressedOnly()].filter((file) => file.endsWith('.csv'))) {
      const bytes = bulkBytes(name);
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString(), name).toContain('\r\n');
    }
  });

  it('values-<year>.csv, joined to labels.csv and reports.csv, give every table value of every record with its labels and source', () => {
    const labels = new Map(csv('data/bulk/labels.csv').map((row) => [`${row['template']}|${row['table']}|${row['row_key']}|${row['column_key']}`, row]));
    const reportRows = new Map(csv('data/bulk/reports.csv').map((row) => [row['report_id']!, row]));
    const rows = years().flatMap((year) => csv(`data/bulk/values-${year}.csv.gz`).map((row): Record<string, string> => ({ ...row, file: String(year) })));
    const expected = reports.flatMap((report) =>
      tableValues(report).map((v) => [report.id, report.year, report.agency.canonicalName, v.rowLabel, v.columnLabel, valueText(v.value), v.sourceLine ?? '', v.sourceTable ?? '', v.sourceRow ?? '', v.sourceColumn ?? '', v.sourceText ?? ''].join('|')),
    );
    const joined = rows.map((row) => {
      const label = labels.get(`${row['template']}|${row['table']}|${row['row_key']}|${row['column_key']}`)!;
      const report = reportRows.get(row['report_id']!)!;
      expect(row['file']).toBe(row['year']);
      expect(report['template']).toBe(row['template']);
      return [row['report_id'], row['year'], report['agency'], label['row_label'], label['column_label'], row['value'], row['source_line'], row['source_table'], row['source_row'], row['source_column'], row['source_text']].join('|');
    });
    expect(joined.sort()).toEqual(expected.sort());
    expect(rows.some((r) => r['value'] === '')).toBe(true);
  });

  it('reports.csv gives each report once, with its agency, dates and source file', () => {
    const rows = csv('data/bulk/reports.csv');
    expect(rows.map((row) => row['report_id']).sort()).toEqual(reports.map((report) => report.id).sort());
    for (const report of reports) {
      const row = rows.find((candidate) => candidate['report_id'] === report.id)!;
      expect([row['agency'], row['year'], row['template'], row['published_on'], row['source_file'], row['source_sha256'], row['source_bytes'], row['source_url']]).toEqual([
        report.agency.canonicalName, String(report.year), report.template, report.publishedOn ?? '', report.source.path, report.source.sha256, String(report.source.bytes), report.source.metadata?.url ?? '',
      ]);
      expect(existsSync(join(site, 'data', row['record']!)), row['record']).toBe(true);
      expect(sha256(read(join('data', row['source_download']!)))).toBe(report.source.sha256);
      expect(Number(row['errors']) + Number(row['warnings']) + Number(row['notes'])).toBe(report.findings.length);
    }
  });

  it('each report’s own CSV gives its values, with their labels and places, and says its id once, in its name', () => {
    for (const report of reports) {
      const rows = csv(`data/reports/${report.id}.csv`);
      const values = tableValues(report);
      expect(rows.map((r) => r['value'])).toEqual(values.map((v) => valueText(v.value)));
      expect(rows.map((r) => `${r['table']}.${r['row_key']}.${r['column_key']}`)).toEqual(values.map((v) => `${v.table}.${v.rowKey}.${v.columnKey}`));
      expect(rows.map((r) => r['source_line'])).toEqual(values.map((v) => (v.sourceLine === null ? '' : String(v.sourceLine))));
      expect(rows.map((r) => `${r['row_label']}|${r['column_label']}`)).toEqual(values.map((v) => `${v.rowLabel}|${v.columnLabel}`));
      // What is the same on every row is not repeated: the report's id, its table titles.
      expect(Object.keys(rows[0]!)).not.toContain('report_id');
      expect(Object.keys(rows[0]!)).not.toContain('table_label');
      expect(read(join('data', 'reports', `${report.id}.csv`)).toString('utf8')).not.toContain(report.id);
    }
  });

  it('each report’s own CSV is a table of the published Table Schema (/data/report-csv.schema.json), itself valid by the Frictionless profile', () => {
    const schema = JSON.parse(read('data/report-csv.schema.json').toString()) as Resource['schema'] & { missingValues: string[] };
    // The Table Schema as the schema of a resource of a Tabular Data Package, checked by the standard's own profile.
    const profile = JSON.parse(readFileSync(join(import.meta.dirname, 'standards', 'tabular-data-package.json'), 'utf8')) as object;
    const validate = new ajvDraft04.default({ strict: false, validateFormats: false, allErrors: true }).compile(profile);
    const descriptor = { profile: 'tabular-data-package', resources: [{ name: 'report', path: 'report.csv', profile: 'tabular-data-resource', schema }] };
    expect(validate(descriptor), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(schema.missingValues).toEqual(['']);
    const patterns: Record<string, RegExp> = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/, string: /^/ };
    for (const report of reports) {
      const bytes = read(`data/reports/${report.id}.csv`);
      expect((parseCsv(bytes, { bom: true, to_line: 1 }) as string[][])[0], report.id).toEqual(schema.fields.map((field) => field.name));
      const rows = csv(`data/reports/${report.id}.csv`);
      expect(new Set(rows.map((row) => schema.primaryKey.map((key) => row[key]).join('|'))).size, report.id).toBe(rows.length);
      for (const field of schema.fields) {
        expect(patterns[field.type], field.type).toBeDefined();
        for (const row of rows) if (row[field.name] !== '') expect(row[field.name], `${report.id} ${field.name}`).toMatch(patterns[field.type]!);
      }
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

interface Resource {
  name: string;
  path: string;
  encoding: string;
  compression?: string;
  bytes: number;
  hash: string;
  schema: { fields: Array<{ name: string; type: string }>; primaryKey: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> };
}

describe('the data package (datapackage.json) against the files', () => {
  const resources = () => (JSON.parse(read('data/bulk/datapackage.json').toString()) as { resources: Resource[] }).resources;

  it('is a valid Tabular Data Package by the Frictionless profile itself (test/standards/), and a broken one is not', () => {
    const profile = JSON.parse(readFileSync(join(import.meta.dirname, 'standards', 'tabular-data-package.json'), 'utf8')) as object;
    // The profile's own keywords (propertyOrder, options) and formats are annotations for editors.
    // A CommonJS module: its default export is on the module's own default (its class either way at run time).
    const validate = new ajvDraft04.default({ strict: false, validateFormats: false, allErrors: true }).compile(profile);
    const descriptor = JSON.parse(read('data/bulk/datapackage.json').toString()) as { profile: string; resources: Array<Record<string, any>> };
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(validate(descriptor), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The same descriptor with a field without its name, or a resource without its schema, is refused.
    const unnamed = structuredClone(descriptor);
    delete unnamed.resources[0]!['schema'].fields[0].name;
    expect(validate(unnamed)).toBe(false);
    const schemaless = structuredClone(descriptor);
    delete schemaless.resources[1]!['schema'];
    expect(validate(schemaless)).toBe(false);
  });

  it('describes every CSV file as published (its .gz where only that is), in UTF-8 as IANA names it, with its size and SHA-256', () => {
    const published = [...plainFiles(), ...compressedOnly().map((name) => `${name}.gz`)].filter((name) => /\.csv(\.gz)?$/.test(name));
    expect(resources().map((resource) => resource.path).sort()).toEqual(published.sort());
    expect(resources().filter((resource) => resource.path.endsWith('.gz')).length).toBe(years().length);
    for (const resource of resources()) {
      expect(resource.encoding).toBe('utf-8');
      // frictionless-py takes the compression from the path or from this property; R's readr from the path.
      expect(resource.compression, resource.path).toBe(resource.path.endsWith('.gz') ? 'gz' : undefined);
      expect(existsSync(join(site, 'data/bulk', resource.path)), resource.path).toBe(true);
      const bytes = read(`data/bulk/${resource.path}`);
      expect([resource.bytes, resource.hash], resource.path).toEqual([bytes.length, `sha256:${sha256(bytes)}`]);
    }
  });

  it('gives each file’s header as csv-parse reads it (its bom option skipping the byte-order mark), types that parse, and unique primary keys', () => {
    for (const resource of resources()) {
      const bytes = unpacked(`data/bulk/${resource.path}`);
      const [header] = parseCsv(bytes, { bom: true, to_line: 1 }) as string[][];
      expect(header, resource.path).toEqual(resource.schema.fields.map((field) => field.name));
      // Without the option, the mark stays in the first name: it is there for Excel.
      expect((parseCsv(bytes, { to_line: 1 }) as string[][])[0]![0]).toBe(`\uFEFF${header![0]}`);
      const rows = csv(`data/bulk/${resource.path}`);
      const keys = rows.map((row) => resource.schema.primaryKey.map((key) => row[key]).join('|'));
      expect(new Set(keys).size, resource.path).toBe(rows.length);
      for (const field of resource.schema.fields) {
        const pattern = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/, date: /^\d{4}-\d{2}-\d{2}$/, string: /^/ }[field.type];
        expect(pattern, field.type).toBeDefined();
        for (const row of rows) if (row[field.name] !== '') expect(row[field.name], `${resource.path} ${field.name}`).toMatch(pattern!);
      }
    }
  });

  it('declares the joins as foreign keys, and every one resolves', () => {
    const byName = new Map(resources().map((resource) => [resource.name, resource]));
    let checked = 0;
    for (const resource of resources()) {
      for (const key of resource.schema.foreignKeys ?? []) {
        const target = byName.get(key.reference.resource)!;
        expect(target, key.reference.resource).toBeDefined();
        const present = new Set(csv(`data/bulk/${target.path}`).map((row) => key.reference.fields.map((field) => row[field]).join('|')));
        for (const row of csv(`data/bulk/${resource.path}`)) {
          expect(present.has(key.fields.map((field) => row[field]).join('|')), `${resource.path} ${key.fields.join(',')} → ${target.path}`).toBe(true);
          checked++;
        }
      }
    }
    for (const year of years()) {
      expect(byName.get(`values-${year}`)!.schema.foreignKeys!.map((key) => key.reference.resource)).toEqual(['reports', 'labels']);
    }
    expect(checked).toBeGreaterThan(reports.length * 200);
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
