/**
 * The build as a whole, against the shared build (made once, cold, with an empty cache): a build
 * from the cache is byte-identical to it, so is one that links the unchanged reports' files from
 * the build before, and so is one with --fresh; a corrupt cache entry is
 * parsed again; a removed file disappears and a changed agencies.yml applies without parsing
 * anything again, and built over the last build gives the same bytes as built cold; so does a
 * build where a year's first report comes and another year's last goes (its bulk files made and
 * dropped); a build that fails leaves the last good site and data in place.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, sharedBuild } from './built-site/shared-build.ts';
import { temporaryFolder } from './temporary-folder.ts';

function hashes(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else result[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return result;
}

const output = (out: string) => ({ site: hashes(join(out, '_site')), data: hashes(join(out, 'data')) });
const temporary = temporaryFolder;
/** The report, agency and year pages of a build: those a later build may link instead of rendering. */
const paginatedPages = (out: string) => Object.keys((JSON.parse(readFileSync(join(out, 'data', 'pages.json'), 'utf8')) as { pages: object }).pages).length;
/** A copy of a folder of the shared build (its cache or its reports), for a test to change. */
const copyOf = (folder: string, prefix: string) => {
  const copy = temporary(prefix);
  cpSync(folder, copy, { recursive: true });
  return copy;
};
/** The cache's entries: <fingerprint>/<key>.json (beside them, a record's <key>.md and the files' remembered hashes). */
const entries = (cache: string) =>
  readdirSync(cache).flatMap((folder) =>
    readdirSync(join(cache, folder))
      .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
      .map((name) => join(cache, folder, name)),
  );

describe('npm run build', () => {
  const shared = sharedBuild();
  const expected = output(shared.out);

  it('gives byte-identical output from the cache, reusing the last build’s files, and with --fresh', async () => {
    expect(Object.keys(expected.site).length).toBeGreaterThan(50);
    const cache = copyOf(shared.cache, 'gongkai-cache-');
    const cached = temporary('gongkai-cached-');
    const timings = await runBuild(['--reports', shared.reports, '--out', cached, '--cache', cache]);
    expect(timings.parsed).toBe(0);
    expect(timings.fromCache).toBe(timings.reports + timings.failures);
    expect(output(cached)).toEqual(expected);

    expect(timings.reusedPages).toBe(0);
    expect(timings.siteJson.reused).toBe(0);

    // Again into the same folder: every report's files and pages are linked from the build before.
    // A folder an earlier build left half removed goes too, with the last build's, after the build returns.
    mkdirSync(join(cached, '.build', 'removed-run-cut-short', 'data'), { recursive: true });
    writeFileSync(join(cached, '.build', 'removed-run-cut-short', 'data', 'left.json'), '{}');
    const again = await runBuild(['--reports', shared.reports, '--out', cached, '--cache', cache]);
    await expect.poll(() => readdirSync(join(cached, '.build')), { timeout: 120_000, interval: 200 }).toEqual([]);
    expect(again.reusedFiles).toBe(again.reports);
    expect(again.reusedPages).toBe(paginatedPages(cached));
    expect(again.searchParts).toEqual({ indexed: 0, reused: 3 });
    // The pages' JSON files are the same: every one linked, none written.
    expect(again.siteJson).toEqual({ written: 0, reused: timings.siteJson.written });
    expect(output(cached)).toEqual(expected);

    const fresh = temporary('gongkai-fresh-');
    const freshTimings = await runBuild(['--reports', shared.reports, '--out', fresh, '--fresh']);
    expect(freshTimings.fromCache).toBe(0);
    expect(output(fresh)).toEqual(expected);
  }, 600_000);

  it('renders again only the pages a changed report is on, and a page that was altered since', async () => {
    const reports = copyOf(shared.reports, 'gongkai-reports-');
    const changed = join(reports, '2020-春晓街道.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('六、其他需要报告的事项\n无\n', '六、其他需要报告的事项\n无其他需要报告的事项。\n'));
    const out = temporary('gongkai-incremental-');
    cpSync(shared.out, out, { recursive: true, filter: (path) => !path.endsWith('timings.json') });
    // A page edited in the published site is not trusted: it is rendered again.
    const edited = join(out, '_site', 'agencies', 'nanguanqu-minzhengju', '2021', 'index.html');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}<!-- edited -->`);
    const timings = await runBuild(['--reports', reports, '--out', out, '--cache', copyOf(shared.cache, 'gongkai-cache-')]);
    expect(timings.parsed).toBe(1);
    // The report's own page, its agency's and its year's; and the edited page.
    expect(timings.reusedPages).toBe(paginatedPages(out) - 4);
    // The search index is made again only in the part of the changed report's agency (of three):
    // the edited page, rendered again, is the page the index was made from.
    expect(timings.searchParts).toEqual({ indexed: 1, reused: 2 });
    expect(readFileSync(join(out, '_site', 'agencies', 'chunxiaojiedao', '2020', 'index.html'), 'utf8')).toContain('无其他需要报告的事项。');

    const cold = temporary('gongkai-cold-');
    await runBuild(['--reports', reports, '--out', cold, '--fresh']);
    expect(output(out)).toEqual(output(cold));
  }, 600_000);

  it('gives the same bytes run from the TypeScript sources through tsx as from the commands’ bundle', async () => {
    // The shared build ran from the bundle (scripts/run.mjs, as npm run build does).
    const out = temporary('gongkai-sources-');
    const timings = await runBuild(['--reports', shared.reports, '--out', out, '--cache', copyOf(shared.cache, 'gongkai-cache-')], { GONGKAI_SOURCES: '1' });
    expect(timings.parsed).toBe(0);
    expect(output(out)).toEqual(expected);
  }, 600_000);

  it('parses again a cache entry that is cut short or altered, or whose Markdown is altered or gone, and gives the same output', async () => {
    const cache = copyOf(shared.cache, 'gongkai-cache-');
    const markdownOf = (entry: string) => entry.replace(/\.json$/, '.md');
    const [cut, altered, markdownAltered, markdownGone] = entries(cache).filter((entry) => existsSync(markdownOf(entry)));
    const markdown = readFileSync(markdownOf(markdownAltered!));
    markdown[markdown.length - 2]! ^= 1;
    writeFileSync(markdownOf(markdownAltered!), markdown);
    rmSync(markdownOf(markdownGone!));
    writeFileSync(cut!, readFileSync(cut!).subarray(0, 500));
    // Same length, one digit changed: only the checksum can tell.
    const text = readFileSync(altered!, 'utf8');
    const digit = text.indexOf('"total":') + 8;
    writeFileSync(altered!, text.slice(0, digit) + (text[digit] === '9' ? '8' : '9') + text.slice(digit + 1));
    const out = temporary('gongkai-repaired-');
    const timings = await runBuild(['--reports', shared.reports, '--out', out, '--cache', cache]);
    expect(timings.parsed).toBe(4);
    expect(output(out)).toEqual(expected);
  }, 600_000);

  it('drops a removed file and applies a changed agencies.yml, without parsing anything again', async () => {
    const reports = copyOf(shared.reports, 'gongkai-reports-');
    const cache = copyOf(shared.cache, 'gongkai-cache-');
    rmSync(join(reports, '2020-春晓街道.txt'));
    const registry = join(reports, 'agencies.yml');
    const renamed = readFileSync(registry, 'utf8').replace('- name: 平潭综合实验区国有资产管理局\n', '- name: 平潭综合实验区国资局\n  aliases: [平潭综合实验区国有资产管理局]\n');
    expect(renamed).toContain('平潭综合实验区国资局');
    writeFileSync(registry, renamed);
    const out = temporary('gongkai-changed-');
    const timings = await runBuild(['--reports', reports, '--out', out, '--cache', cache]);
    expect(timings.parsed).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'data', 'index.json'), 'utf8')) as { reports: Array<{ id: string; agency: { canonicalName: string } }> };
    expect(index.reports.map((report) => report.id)).not.toContain('chunxiaojiedao-2020');
    expect(readdirSync(join(out, '_site', 'agencies'))).not.toContain('chunxiaojiedao');
    expect(index.reports.map((report) => report.agency.canonicalName)).toContain('平潭综合实验区国资局');
    expect(index.reports.map((report) => report.agency.canonicalName)).not.toContain('平潭综合实验区国有资产管理局');

    // The same change built over the last build: the reports that did not change are taken from
    // it (their files linked, their pieces of the bulk files and of the zip copied), those after
    // a removed or changed one compressed again, and the output is the cold build's, byte for byte.
    const over = copyOf(shared.out, 'gongkai-over-');
    const rebuilt = await runBuild(['--reports', reports, '--out', over, '--cache', cache]);
    expect(rebuilt.reusedFiles).toBeGreaterThan(0);
    expect(rebuilt.reusedFiles).toBeLessThan(rebuilt.reports);
    expect(output(over)).toEqual(output(out));
  }, 600_000);

  it('writes a year’s bulk files when its first report comes and drops them with its last, built over the last build as cold', async () => {
    const reports = copyOf(shared.reports, 'gongkai-reports-');
    for (const name of readdirSync(reports).filter((file) => file.startsWith('2020-'))) rmSync(join(reports, name));
    // The same agency two years earlier: a year the last build did not have.
    writeFileSync(join(reports, '2018-春晓街道.txt'), readFileSync(join(shared.reports, '2020-春晓街道.txt'), 'utf8').replaceAll('2020', '2018').replaceAll('2021', '2019'));
    const cache = copyOf(shared.cache, 'gongkai-cache-');
    const over = copyOf(shared.out, 'gongkai-over-');
    const rebuilt = await runBuild(['--reports', reports, '--out', over, '--cache', cache]);
    expect(rebuilt.parsed).toBe(1);
    expect(rebuilt.reusedFiles).toBe(rebuilt.reports - 1);
    const bulk = readdirSync(join(over, 'data', 'bulk'));
    expect(bulk).toContain('reports-2018.jsonl');
    expect(bulk).toContain('values-2018.csv');
    expect(bulk.filter((name) => name.includes('2020'))).toEqual([]);
    const cold = temporary('gongkai-cold-');
    await runBuild(['--reports', reports, '--out', cold, '--cache', cache]);
    expect(output(over).data).toEqual(output(cold).data);
  }, 600_000);

  it('leaves the last good site in place when a build fails', async () => {
    const out = temporary('gongkai-failing-');
    cpSync(join(shared.out, '_site'), join(out, '_site'), { recursive: true });
    cpSync(join(shared.out, 'data'), join(out, 'data'), { recursive: true });
    const failed = await runBuild(['--reports', join(out, 'no-such-folder'), '--out', out]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('the previous site is left in place');
    expect(output(out)).toEqual(expected);
    // A reports folder emptied (or half copied) does not replace the site with an empty one…
    const empty = join(out, 'empty-reports');
    mkdirSync(empty);
    const shrunk = await runBuild(['--reports', empty, '--out', out]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(shrunk?.code).toBe(1);
    expect(shrunk?.stderr).toMatch(/would publish 0 reports where the site has \d+.*--allow-shrink/s);
    expect(output(out)).toEqual(expected);
    // …unless the editor says so.
    await runBuild(['--reports', empty, '--out', out, '--allow-shrink']);
    expect(readdirSync(join(out, 'data', 'reports'))).toEqual([]);
  }, 600_000);
});
