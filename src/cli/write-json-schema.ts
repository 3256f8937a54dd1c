/**
 * npm run schema — writes schema/report.schema.json from the zod schema. The file is committed;
 * a test fails when it is stale.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportJsonSchema } from '../schema/report.ts';

export const JSON_SCHEMA_PATH = 'schema/report.schema.json';

export function jsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await mkdir(dirname(JSON_SCHEMA_PATH), { recursive: true });
  await writeFile(JSON_SCHEMA_PATH, jsonSchemaText());
  process.stdout.write(`wrote ${JSON_SCHEMA_PATH}\n`);
}
