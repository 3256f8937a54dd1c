/**
 * The data dictionary (src/publish/data-dictionary.ts) speaks the page's language: every key's
 * meaning in Chinese, the schema's English after it (marked as English on the page: test/site.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { dataDictionary, MEANINGS } from '../src/publish/data-dictionary.ts';

describe('the data dictionary', () => {
  const entries = dataDictionary();

  it('gives every key a meaning in Chinese', () => {
    expect(entries.length).toBeGreaterThan(250);
    for (const entry of entries) expect(entry.meaningZh, entry.path).toMatch(/[\u4e00-\u9fff]/);
    // Every hand-written meaning is of a key the records have.
    const paths = new Set(entries.map((entry) => entry.path));
    for (const path of Object.keys(MEANINGS)) expect(paths.has(path), path).toBe(true);
  });

  it('describes a table cell by its place in the template, its unit and what a blank is', () => {
    const cell = entries.find((entry) => entry.path === 'applications.results.denied.stateSecret.naturalPerson')!;
    expect(cell.meaningZh).toBe('统计表中“三、本年度办理结果·（三）不予公开·1.属于国家秘密·自然人”一格的数字（单位：件）；原文空白为 null，不记作 0');
  });
});
