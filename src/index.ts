export { parseReportFile, parseReportBytes, parseReportSource, reportFromTree } from './parse-report.ts';
export { ingestFolder, listReportFiles } from './ingest/ingest-folder.ts';
export { ReportError } from './diagnostics/report-error.ts';
export { Report, SCHEMA_VERSION, reportJsonSchema } from './schema/report.ts';
export type { Finding, Template } from './schema/report.ts';
