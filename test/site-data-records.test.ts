/**
 * The site data a build makes keeps what the lists of reports show, not the records: a report's
 * page reads its record when it is rendered (BuildSiteOptions.recordOf, recordsIn). What must
 * hold: the pages are the same as from records kept in memory; making the site data reads no
 * record; and the site data does not keep a record alive (at 10,000 reports that is ~0.8 GB of
 * heap through Eleventy's passes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildSiteData, recordsIn } from '../src/site/load-site-data.ts';
import type { Report } from '../src/schema/report.ts';
import { expectedRecord, FIXTURES } from './fixture-cases.ts';
import { temporaryFolder } from './temporary-folder.ts';

/** Fixtures with findings and without, of both templates, from web pages and Word text. */
const CASES = ['pingtan-2023-jiaotong-jianshe', '2021-template-label-drift', '2019-template-procurement', 'html-2019-template-signed-changes'];
const records = () => CASES.map((name) => expectedRecord<Report>(join(FIXTURES, name)));

/** Everything a page shows, its lazily made parts included. */
const shown = (site: ReturnType<typeof buildSiteData>) =>
  JSON.stringify(site.render.reports.map((page) => ({ ...page, record: page.record, parts: page.parts })));

describe('report pages read their records when rendered', () => {
  it('show what they show from records in memory, reading none until a page asks', () => {
    const folder = temporaryFolder('gongkai-records-');
    mkdirSync(join(folder, 'reports'));
    for (const record of records()) writeFileSync(join(folder, 'reports', `${record.id}.json`), JSON.stringify(record));
    const read: string[] = [];
    const fromDisk = recordsIn(folder);
    const site = buildSiteData(records(), [], [], {
      recordOf: (id) => {
        read.push(id);
        return fromDisk(id);
      },
    });
    expect(read).toEqual([]);
    expect(site.findings.length).toBeGreaterThan(0);
    expect(shown(site)).toBe(shown(buildSiteData(records(), [], [])));
    expect(new Set(read)).toEqual(new Set(records().map((record) => record.id)));
  });

  it('are not kept alive by the site data', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const texts = new Map(records().map((record) => [record.id, JSON.stringify(record)]));
    let given: Report[] | null = [...texts.values()].map((text) => JSON.parse(text) as Report);
    const watched = given.map((record) => new WeakRef(record));
    const site = buildSiteData(given, [], [], { recordOf: (id) => JSON.parse(texts.get(id)!) as Report });
    given = null;
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(watched.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    // The lists still have what they show.
    expect(site.render.reports.map((page) => page.report.agency.canonicalName)).toEqual(
      buildSiteData(records(), [], []).render.reports.map((page) => page.report.agency.canonicalName),
    );
  });
});
