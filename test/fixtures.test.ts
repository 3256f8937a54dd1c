/**
 * Every fixture folder: the record parsed from input.* equals expected/ (the record in parts, see
 * fixture-cases.ts), or the refusal equals expected-error.json. The expected records of the five sample reports were checked cell by cell
 * against their input by a person (see test/fixtures/README.md); sample-tables.test.ts restates
 * their distinctive cells by hand.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/parse-report.ts';
import { ReportError } from '../src/diagnostics/report-error.ts';
import { expectation, expectedRecord, fixtureCases, recordParts } from './fixture-cases.ts';

describe('fixtures', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      const path = relative(process.cwd(), fixture.input);
      const errorFile = join(fixture.dir, 'expected-error.json');
      if (existsSync(errorFile)) {
        const error = await parseReportFile(path).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ReportError);
        const { rule, message, line, column } = error as ReportError;
        expect({ rule, message, line, column }).toEqual(expectation(errorFile, { rule, message, line, column }));
        return;
      }
      const report = await parseReportFile(path);
      // Part by part (see fixture-cases.ts), so that a failure names the part that changed.
      for (const [part, actual] of Object.entries(recordParts(report as unknown as Record<string, unknown>))) {
        expect(actual, `${fixture.name}: expected/${part}.json`).toEqual(expectation(join(fixture.dir, 'expected', `${part}.json`), actual));
      }
      // Nothing of the record is left unchecked.
      expect(report).toEqual(expectedRecord(fixture.dir));
    });
  }
});
