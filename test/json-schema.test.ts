import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CSV_SCHEMA_PATH, JSON_SCHEMA_PATH, csvSchemaText, jsonSchemaText } from '../src/cli/write-json-schema.ts';

describe('schema/report.schema.json', () => {
  it('is the JSON Schema the zod schema generates (run npm run schema after changing it)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(jsonSchemaText());
  });

  it('has beside it the Table Schema of each report’s CSV, as the code describes the columns', () => {
    expect(readFileSync(CSV_SCHEMA_PATH, 'utf8')).toBe(csvSchemaText());
  });

  it('carries the Chinese labels of the template as titles, an English gloss as descriptions, and the units', () => {
    const schema = JSON.parse(jsonSchemaText());
    const results = schema.$defs.Applications2021.properties.results.properties;
    expect(results.denied.properties.internalAffairs).toMatchObject({ title: '5.属于三类内部事务信息', description: 'internal affairs' });
    expect(schema.$defs.Proactive2019.properties.centralizedProcurement.title).toMatch(/政府集中采购/);
    expect(schema.$defs.ApplicantCounts.properties.naturalPerson).toMatchObject({ title: '自然人', 'x-unit': '件' });
    expect(schema.$defs.Proactive2019.properties.centralizedProcurement.properties.amountYuan['x-unit']).toBe('元');
    // Every title is the template's Chinese, never English.
    const titles = [...jsonSchemaText().matchAll(/"title": "([^"]*)"/g)].map(([, title]) => title!);
    expect(titles.length).toBeGreaterThan(150);
    for (const title of titles) expect(title, title).not.toMatch(/[A-Za-z]{3}/);
  });

  it('compiles in a strict validator once its one annotation of its own (x-unit) and the uri format are declared', () => {
    const ajv = new Ajv2020({ strict: true, formats: { uri: true } });
    ajv.addKeyword('x-unit');
    expect(() => ajv.compile(JSON.parse(jsonSchemaText()))).not.toThrow();
  });
});
