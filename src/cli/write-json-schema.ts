/**
 * npm run schema — writes the published schemas: schema/report.schema.json (each record, the
 * JSON Schema generated from the zod schema) and schema/report-csv.schema.json (each report's
 * CSV, a Frictionless Table Schema of its columns). The files are committed; a test fails when
 * either is stale.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportCsvTableSchema } from '../publish/report-csv.ts';
import { reportJsonSchema } from '../schema/report.ts';

export const JSON_SCHEMA_PATH = 'schema/report.schema.json';
export const CSV_SCHEMA_PATH = 'schema/report-csv.schema.json';

export function jsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

export function csvSchemaText(): string {
  return `${JSON.stringify(reportCsvTableSchema(), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [path, text] of [
    [JSON_SCHEMA_PATH, jsonSchemaText()],
    [CSV_SCHEMA_PATH, csvSchemaText()],
  ] as const) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
