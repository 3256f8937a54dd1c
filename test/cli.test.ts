/**
 * The commands as an editor runs them: `npm run --silent parse -- <file>` and `npm run ingest`.
 */
import { execFile } from 'node:child_process';
import { copyFile, cp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ingestSummary } from '../src/cli/ingest.ts';
import { Report } from '../src/schema/report.ts';
import { FIXTURES } from './fixture-cases.ts';
import { temporaryFolder } from './temporary-folder.ts';

const run = promisify(execFile);

async function npm(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const fixture = (name: string) => relative(process.cwd(), join(FIXTURES, name, 'input.txt'));

describe('npm run parse', () => {
  it('prints a valid record on stdout and exits 0', async () => {
    const { code, stdout } = await npm(['parse', '--', 'reports/2020-春晓街道.txt']);
    expect(code).toBe(0);
    const report = Report.parse(JSON.parse(stdout));
    expect(report.id).toBe('chunxiaojiedao-2020');
    expect(report.source.path).toBe('reports/2020-春晓街道.txt');
  });

  it('exits 1 for a file that is no report, naming the file, the line and what was expected', async () => {
    const path = fixture('not-a-report');
    const { code, stdout, stderr } = await npm(['parse', '--', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(path);
    expect(stderr).toMatch(/1:1\s+error\s+不是政府信息公开工作年度报告：通篇没有六个部分的标题.*not-a-report/);
  });

  it('exits 1 for a format it cannot read, saying which formats it accepts', async () => {
    const dir = temporaryFolder('gongkai-');
    const path = join(dir, 'report.jpg');
    await writeFile(path, 'JFIF');
    const { code, stderr } = await npm(['parse', '--', path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/不支持的文件格式“\.jpg”：可接受的格式为 \.txt.*\.pdf.*图片无法读取/);
  });

  it('still prints the record of a cut table, and names the line and the missing rows on stderr', async () => {
    const { code, stdout, stderr } = await npm(['parse', '--', fixture('applications-table-cut-in-half')]);
    expect(code).toBe(0);
    expect(Report.parse(JSON.parse(stdout)).applications.carriedForward.total).toBeNull();
    expect(stderr).toMatch(/200:1\s+error\s+申请情况表（第90行起）在第200行结束，缺少以下14行：6\.属于四类过程性信息；/);
  });
});

describe('npm run ingest', () => {
  it('writes every readable report and lists the file that is not one, without stopping', async () => {
    const dir = temporaryFolder('gongkai-');
    const reports = join(dir, 'reports');
    const out = join(dir, 'data');
    await run('mkdir', ['-p', reports]);
    await copyFile('reports/2021-南关区民政局.txt', join(reports, '2021-南关区民政局.txt'));
    await copyFile(fixture('not-a-report'), join(reports, '会议纪要.txt'));
    await writeFile(join(reports, '2022-某局.xls'), 'not a report format');
    const { code, stdout } = await npm(['ingest', '--', reports, out]);
    expect(code).toBe(0);
    expect((await readdir(join(out, 'reports'))).sort()).toEqual(['nanguanqu-minzhengju-2021.csv', 'nanguanqu-minzhengju-2021.json', 'nanguanqu-minzhengju-2021.md']);
    expect(await readFile(join(out, 'sources', 'nanguanqu-minzhengju-2021.txt'))).toEqual(await readFile('reports/2021-南关区民政局.txt'));
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
    expect(index.reports.map((r: { id: string }) => r.id)).toEqual(['nanguanqu-minzhengju-2021']);
    expect(index.failures.map((f: { rule: string }) => f.rule).sort()).toEqual(['not-a-report', 'unsupported-format']);
    expect(stdout).toMatch(/1 reports written .* 2 files not readable as reports/);
  });
});

describe('the commands run from a bundle of the code (scripts/run.mjs)', () => {
  /** `node scripts/run.mjs <args>` with GONGKAI_SOURCES set as given (unset: the bundle). */
  async function runMjs(args: string[], sources: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env };
    if (sources) env['GONGKAI_SOURCES'] = '1';
    else delete env['GONGKAI_SOURCES'];
    try {
      const { stdout, stderr } = await run(process.execPath, ['scripts/run.mjs', ...args], { env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  }

  it('prints the same record and messages from the bundle as from the TypeScript sources, and keeps the bundle', async () => {
    const file = relative(process.cwd(), join(FIXTURES, 'applications-table-cut-in-half', 'input.txt'));
    const bundled = await runMjs(['parse', file], false);
    const sources = await runMjs(['parse', file], true);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.stderr).toBe(sources.stderr);
    expect(bundled.stderr).toContain('missing-rows');
    Report.parse(JSON.parse(bundled.stdout));
    // The bundle is kept for the next run, with the Eleventy config the build hands to Eleventy.
    const bundles = await readdir(join('.cache', 'commands'));
    const made = await Promise.all(bundles.map((name) => readdir(join('.cache', 'commands', name)).catch(() => [] as string[])));
    expect(made.some((files) => ['build.mjs', 'check.mjs', 'parse.mjs', 'ingest.mjs', 'eleventy-config.mjs'].every((name) => files.includes(name)))).toBe(true);
  });

  it('runs in a project whose folder has Chinese characters and a space in its path', async () => {
    // A command tells it is the program run by comparing its module's file URL with its path:
    // written naively, 中文 and spaces (percent-encoded in a URL) made npm run ingest do nothing.
    const project = join(temporaryFolder('gongkai-'), '公开 项目');
    await run('mkdir', ['-p', project]);
    for (const path of ['src', 'scripts', 'templates', '.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) await cp(path, join(project, path), { recursive: true });
    await symlink(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));
    const reports = join(project, 'reports');
    await run('mkdir', ['-p', reports]);
    await copyFile('reports/2021-南关区民政局.txt', join(reports, '2021-南关区民政局.txt'));
    for (const sources of [false, true]) {
      const env = { ...process.env, GONGKAI_SOURCES: sources ? '1' : '0' };
      const { stdout } = await run(process.execPath, ['scripts/run.mjs', 'ingest', 'reports', 'data'], { cwd: project, env });
      expect(stdout, sources ? 'from the sources' : 'from the bundle').toMatch(/1 reports written to data\//);
      expect(await readdir(join(project, 'data', 'reports'))).toContain('nanguanqu-minzhengju-2021.json');
      await rm(join(project, 'data'), { recursive: true });
    }
  });

  it('says how it is used when the command is not one of the project’s', async () => {
    const { code, stderr } = await runMjs(['no-such-command'], false);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: node scripts\/run.mjs <build\|serve\|dev\|check\|parse\|ingest> \[arguments\]/);
  });
});

describe('a command given an option it does not know', () => {
  it('says which and how the command is used, without a stack trace; --help prints the usage', async () => {
    for (const command of ['ingest', 'build']) {
      const wrong = await npm([command, '--', '--no-such-option']);
      expect(wrong.code, command).toBe(2);
      expect(wrong.stderr).toContain("Unknown option '--no-such-option'");
      expect(wrong.stderr).toContain(`usage: npm run ${command} -- [`);
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
      const help = await npm([command, '--', '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: npm run ${command} -- \\[`));
    }
  });
});

describe('what a build prints of its reports', () => {
  const finding = (message: string) => ({ rule: 'row-total', severity: 'warning' as const, message, paths: [], line: 3, column: 1 });
  const digest = (path: string, agency: string, year: number, findings: ReturnType<typeof finding>[]) => ({
    id: `${agency}-${year}`,
    year,
    findings,
    source: { path },
    agency: { canonicalName: agency },
  });
  const outcome = {
    reports: [
      digest('2020-甲局.txt', '甲局', 2020, [finding('甲局2020的问题')]),
      digest('2021-甲局.txt', '甲局', 2021, [finding('甲局2021的问题')]),
      digest('2021-乙局.txt', '乙局', 2021, [finding('乙局的问题'), finding('乙局的第二个问题')]),
    ],
    failures: [{ path: '2021-丙局.txt', rule: 'not-a-report', message: '不是年度报告', line: 1, column: 1 }],
    cache: { hits: 2, parsed: 2, parsedNames: ['2021-甲局.txt', '2021-丙局.txt'] },
  };

  it('lists the files read this time, their agency’s other years and every failure, and counts the others', () => {
    const printed = stripVTControlCharacters(ingestSummary(outcome, 'reports', 'data', 1));
    expect(printed).toContain('甲局2021的问题');
    expect(printed).toContain('甲局2020的问题');
    expect(printed).toContain('不是年度报告');
    expect(printed).not.toContain('乙局的问题');
    expect(printed).toContain('1 reports unchanged since the last run have 0 errors, 2 warnings, not listed again (npm run check lists them)');
    expect(printed).toContain('3 reports written to data/, 1 files not readable as reports; 0 errors, 4 warnings in the reports; 2 files parsed, 2 from the cache');
  });

  it('lists everything when every file was parsed', () => {
    const printed = stripVTControlCharacters(ingestSummary({ ...outcome, cache: { hits: 0, parsed: 4, parsedNames: outcome.reports.map((r) => r.source.path) } }, 'reports', 'data', 1));
    expect(printed).toContain('乙局的第二个问题');
    expect(printed).not.toContain('not listed again');
  });
});

describe('npm run check', () => {
  it('prints every file’s problems sorted and aligned, then counts, and fails only with --frail when every file can be published', async () => {
    const plain = await npm(['check']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/reports\/2023-平潭综合实验区农业农村局\.html\n(?:.*\n)*?355:\d+ +warning +“一、本年新收政府信息公开申请数量”一行的六类申请人之和应等于总计.* +row-total +gongkai\n/);
    // Each file's messages in the order of their places, their rule ids in one column (by display width).
    const file = plain.stdout.slice(plain.stdout.indexOf('reports/2023-平潭综合实验区农业农村局.html\n')).split('\n\n')[0]!.split('\n').slice(1);
    expect(file.length).toBeGreaterThan(1);
    const places = file.map((line) => line.match(/^(\d+):(\d+)/)!.slice(1).map(Number) as [number, number]);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
    expect(new Set(file.map((line) => width(line.slice(0, line.search(/ [a-z-]+ +gongkai$/)))))).toHaveProperty('size', 1);
    expect(plain.stdout).toMatch(/\d+ messages \(✖ \d+ errors, ⚠ \d+ warnings\)\n\n\d+ files checked; 0 cannot be published; \d+ errors, \d+ warnings, \d+ notes in the reports\n$/);
    expect((await npm(['check', '--', '--frail'])).code).toBe(1);
    expect((await npm(['check', '--', '--strict'])).code).toBe(1);
  });

  it('fails where a file cannot be published', async () => {
    const dir = temporaryFolder('gongkai-');
    await copyFile('reports/2020-春晓街道.txt', join(dir, '2020-春晓街道.txt'));
    await copyFile(fixture('not-a-report'), join(dir, '会议纪要.txt'));
    const { code, stdout } = await npm(['check', '--', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/会议纪要\.txt\n1:1 +error +不是政府信息公开工作年度报告.* not-a-report +gongkai\n/);
    expect(stdout).toMatch(/2 files checked; 1 cannot be published/);
  });
});
