import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_PATH, jsonSchemaText } from '../src/cli/write-json-schema.ts';

describe('schema/report.schema.json', () => {
  it('is the JSON Schema the zod schema generates (run npm run schema after changing it)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(jsonSchemaText());
  });

  it('carries the Chinese labels of the template', () => {
    const schema = JSON.parse(jsonSchemaText());
    const results = schema.$defs.Applications2021.properties.results.properties;
    expect(results.denied.properties.internalAffairs.description).toMatch(/^5\.属于三类内部事务信息/);
    expect(schema.$defs.Proactive2019.properties.centralizedProcurement.description).toMatch(/政府集中采购/);
  });
});
