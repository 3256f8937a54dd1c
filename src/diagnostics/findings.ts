/**
 * Collecting findings while a report is read. Every problem that does not stop the report from
 * being read — a missing row, a cell that is not a number, a label that matches nothing — is a
 * finding: it is published with the record and printed for the editor.
 */
import type { Finding, Severity } from '../schema/report.ts';
import { lineOrNull } from './line-label.ts';

export interface FindingPlace {
  paths?: string[];
  line?: number | null;
  column?: number | null;
}

export class Findings {
  readonly items: Finding[] = [];

  add(rule: string, severity: Severity, message: string, place: FindingPlace = {}): void {
    this.items.push({
      rule,
      severity,
      message,
      paths: place.paths ?? [],
      line: lineOrNull(place.line),
      column: lineOrNull(place.line) === null ? null : (place.column ?? null),
    });
  }

  error(rule: string, message: string, place?: FindingPlace): void {
    this.add(rule, 'error', message, place);
  }

  warning(rule: string, message: string, place?: FindingPlace): void {
    this.add(rule, 'warning', message, place);
  }

  info(rule: string, message: string, place?: FindingPlace): void {
    this.add(rule, 'info', message, place);
  }
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
