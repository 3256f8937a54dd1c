import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRegistry, loadAgencyRegistry } from '../src/registry/agency-registry.ts';
import { ReportError } from '../src/diagnostics/report-error.ts';
import { inferRegion } from '../src/extract/infer-region.ts';
import { parseReportFile } from '../src/parse-report.ts';
import { temporaryFolder } from './temporary-folder.ts';

async function registryFile(text: string): Promise<string> {
  const dir = temporaryFolder('gongkai-registry-');
  const path = join(dir, 'agencies.yml');
  await writeFile(path, text);
  return path;
}

describe('reports/agencies.yml', () => {
  it('puts reports published under another name under the declared agency, slug and region', async () => {
    const registry = loadAgencyRegistry(
      await registryFile('- name: 南关区新春街道办事处\n  aliases: [长春市南关区新春街道办事处]\n  region: [长春市, 南关区]\n'),
    );
    const report = applyRegistry(await parseReportFile('reports/2021-长春市南关区新春街道办事处.txt'), registry);
    expect(report.id).toBe('nanguanqu-xinchunjiedao-banshichu-2021');
    expect(report.agency).toEqual({
      name: '长春市南关区新春街道办事处',
      nameFrom: 'receivingBody',
      canonicalName: '南关区新春街道办事处',
      slug: 'nanguanqu-xinchunjiedao-banshichu',
      region: ['长春市', '南关区'],
    });
  });

  it('names the line of a malformed entry', async () => {
    const path = await registryFile('- name: 甲局\n  region: [某市]\n- nmae: 乙局\n');
    expect(() => loadAgencyRegistry(path)).toThrow(ReportError);
    try {
      loadAgencyRegistry(path);
    } catch (error) {
      expect((error as ReportError).line).toBe(3);
      expect((error as ReportError).message).toMatch(/机构登记文件第 2 项/);
    }
  });

  it('refuses a name declared under two agencies', async () => {
    const path = await registryFile('- name: 甲局\n  aliases: [丙局]\n- name: 乙局\n  aliases: [丙局]\n');
    expect(() => loadAgencyRegistry(path)).toThrow(/丙局/);
  });

  it('is optional', () => {
    expect(loadAgencyRegistry('/nonexistent/agencies.yml').size).toBe(0);
  });
});

describe('inferRegion', () => {
  it('reads the leading province, city and district of a name', () => {
    expect(inferRegion('长春市南关区新春街道办事处')).toEqual(['长春市', '南关区']);
    expect(inferRegion('吉林省长春市人民政府')).toEqual(['吉林省', '长春市']);
    expect(inferRegion('南关区民政局')).toEqual(['南关区']);
    expect(inferRegion('春晓街道')).toEqual([]);
    expect(inferRegion('长春市')).toEqual([]);
  });
});
