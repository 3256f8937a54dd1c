/**
 * The ingestion pipeline for one report, as its data flows:
 *
 *   bytes → decodeBytes → front end (text → mdast) → findSections → extract metadata, prose,
 *   tables and fees → validate against the schema → Report
 *
 * Everything after the front end works on the mdast tree and knows nothing of the input format.
 * A file that cannot be read as a report throws a ReportError (rule, line, what was expected);
 * every lesser problem becomes a finding in the record.
 */
import { decodeBytes, type DecodedText } from './read/decode-bytes.ts';
import { readReport, sourceFromBytes, type SourceFile } from './read/read-report.ts';
import { binaryFrontEnds, isBinaryFormat, textFrontEnd, textFrontEnds, type FrontEndResult } from './front-ends/index.ts';
import { lineLabel, lineOrNull } from './diagnostics/line-label.ts';
import { findSections, type LocatedTable, type TableKind } from './structure/find-sections.ts';
import { extractProse } from './extract/extract-prose.ts';
import { extractMetadata } from './extract/extract-metadata.ts';
import { detectTemplate } from './extract/detect-template.ts';
import { extractProactive } from './extract/extract-proactive.ts';
import { extractApplications } from './extract/extract-applications.ts';
import { extractReviewLitigation } from './extract/extract-review-litigation.ts';
import { extractFees } from './extract/extract-fees.ts';
import { describeCells, type CellMap } from './extract/read-values.ts';
import { Findings } from './diagnostics/findings.ts';
import { ReportError } from './diagnostics/report-error.ts';
import { PARTS } from './report-format/parts.ts';
import { checkCoverage, checkReport } from './checks/index.ts';
import { Report, SCHEMA_VERSION, type CellTree } from './schema/report.ts';
import { cellTreeProblem, packCells } from './schema/cell-places.ts';

export async function parseReportFile(path: string): Promise<Report> {
  return parseReportSource(await readReport(path));
}

export function parseReportBytes(path: string, bytes: Uint8Array): Promise<Report> {
  return parseReportSource(sourceFromBytes(path, bytes));
}

export async function parseReportSource(source: SourceFile): Promise<Report> {
  return (await analyseSource(source)).report;
}

/** The record and the tree it was read from (for the Markdown export). */
export async function analyseSource(source: SourceFile): Promise<{ report: Report; frontEnd: FrontEndResult }> {
  if (isBinaryFormat(source.format)) {
    const frontEnd = await binaryFrontEnds[source.format](source.bytes);
    return { report: reportFromTree(frontEnd, source, null), frontEnd };
  }
  return analyseText(source, await textFrontEnd(source.format));
}

/** analyseSource for the formats that are text, once their front end is loaded: synchronous. */
function analyseText(source: SourceFile, read: (text: string) => FrontEndResult): { report: Report; frontEnd: FrontEndResult } {
  const decoded = decodeBytes(source.bytes);
  const frontEnd = read(decoded.text);
  return { report: reportFromTree(frontEnd, source, decoded), frontEnd };
}

/** The pipeline for text and web pages, synchronous, for bulk work (the benchmark). */
export function parseTextSource(source: SourceFile): Report {
  if (source.format !== 'text' && source.format !== 'html') throw new Error(`parseTextSource reads text and web pages, not .${source.format} files: use parseReportSource`);
  return analyseText(source, textFrontEnds[source.format]).report;
}

export function reportFromTree(frontEnd: FrontEndResult, source: SourceFile, decoded: DecodedText | null): Report {
  const { tree, metadata: sourceMetadata } = frontEnd;
  const structure = findSections(tree);
  const lines = decoded ? lineCount(decoded.text) : null;
  if (structure.parts.length === 0 && structure.tables.length === 0) {
    throw new ReportError(
      'not-a-report',
      '不是政府信息公开工作年度报告：通篇没有六个部分的标题（如“一、总体情况”“二、主动公开政府信息情况”）和统计表',
      1,
      1,
    );
  }

  const findings = new Findings();
  for (const finding of frontEnd.findings ?? []) {
    findings.add(finding.rule, finding.severity, finding.message, { line: finding.line, column: finding.column });
  }
  if (decoded && decoded.incompleteTail > 0) {
    findings.warning(
      'truncated-file',
      `文件在一个字符中间结束（最后${decoded.incompleteTail}个字节不完整），可能被截断：请核对文件是否完整`,
      { line: lines },
    );
  }
  for (const spec of PARTS) {
    if (!structure.parts.some((part) => part.spec.part === spec.part)) {
      findings.warning('missing-part', `未找到第${spec.part}部分“${spec.title}”的标题`, { line: null });
    }
  }
  for (const table of structure.tables.filter((t) => t.kind === 'unknown')) {
    findings.warning(
      'unknown-table',
      `${lineLabel(table.line)}起的表格不是模板中的三张表之一，其内容未读入：${describeCells(table.rows.flat()).slice(0, 200)}`,
      { line: table.line },
    );
  }

  const { preamble, sections } = extractProse(structure);
  const allBlocks = [...preamble, ...sections.flatMap((section) => section.blocks)];
  const metadata = extractMetadata(allBlocks, structure.title?.text ?? null, source.path, sourceMetadata);
  const tablesOf = (kind: TableKind): LocatedTable[] => structure.tables.filter((t) => t.kind === kind);
  const template = detectTemplate(structure.tables, metadata.year, findings);
  const cells: CellMap = {};
  const context = { findings, cells };
  const proactive = extractProactive(tablesOf('proactive'), template, context);
  const applications = extractApplications(tablesOf('applications'), template, context);
  const reviewLitigation = extractReviewLitigation(tablesOf('reviewLitigation'), context);
  refuseWithoutNumbers({ proactive, applications, reviewLitigation }, structure.tables, findings);
  const otherPart = sections.find((section) => section.key === 'other');
  const fees = extractFees(otherPart?.blocks ?? [], tablesOf('fees'), context);

  const record = {
    schemaVersion: SCHEMA_VERSION,
    id: `${metadata.agency.slug}-${metadata.year}`,
    ...metadata,
    template,
    preamble,
    sections,
    proactive,
    applications,
    reviewLitigation,
    fees,
    findings: findings.items,
    checks: { relations: 0, checkable: 0 },
    source: {
      path: source.path,
      format: source.format,
      encoding: decoded?.encoding ?? null,
      bom: decoded?.bom ?? false,
      sha256: source.sha256,
      bytes: source.bytes.length,
      lines,
      metadata: sourceMetadata,
      cells: {} as CellTree,
    },
  };
  record.source.cells = packCells(cells, record);
  record.findings.push(...checkReport(record as unknown as Report));
  record.checks = checkCoverage(record as unknown as Report);
  // The places are checked by a walk of their own (cellTreeProblem), the rest by zod: the schema's
  // recursive union of tuples was most of the cost of validating a record.
  const places = record.source.cells;
  const validated = Report.safeParse({ ...record, source: { ...record.source, cells: {} } });
  const placesWrong = cellTreeProblem(places);
  if (!validated.success || placesWrong !== null) {
    // The extractors build the record; a mismatch with the schema is a bug in them, not in the report.
    const issues = (validated.error?.issues ?? []).map((issue) => {
      const path = issue.path.join('.');
      const line = lineOrNull(cells[path]?.line);
      return `${path}${line ? ` (line ${line})` : ''}: ${issue.message}`;
    });
    if (placesWrong !== null) issues.push(`source.cells.${placesWrong.path}: ${placesWrong.message}`);
    throw new Error(`Internal error: the record for ${source.path} does not match the schema:\n${issues.join('\n')}`);
  }
  validated.data.source.cells = places;
  return validated.data;
}

/** How many lines the text has, a last line without its line break counted too. */
function lineCount(text: string): number {
  let breaks = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) breaks++;
  return breaks + 1 - (text.endsWith('\n') ? 1 : 0);
}

/**
 * A report of which not one number of its three tables could be read — no table found, or
 * tables whose every cell is blank or could not be told apart — is not published as blanks: it
 * is refused, with what was found instead.
 */
function refuseWithoutNumbers(tables: Record<string, unknown>, located: LocatedTable[], findings: Findings): void {
  const hasNumber = (value: unknown): boolean =>
    typeof value === 'number' || (value !== null && typeof value === 'object' && Object.values(value).some(hasNumber));
  if (hasNumber(tables)) return;
  const statistical = located.filter((table) => table.kind === 'proactive' || table.kind === 'applications' || table.kind === 'reviewLitigation');
  const why = findings.items
    .filter((finding) => finding.severity === 'error')
    .slice(0, 3)
    .map((finding) => (finding.message.length > 60 ? `${finding.message.slice(0, 60)}……` : finding.message));
  const found =
    statistical.length === 0
      ? '没有找到三张统计表中的任何一张（主动公开、收到和处理申请、复议诉讼）'
      : `找到${statistical.length}张统计表（${lineLabel(statistical[0]!.line)}起），但其中没有一个可读的数字`;
  throw new ReportError(
    'no-table-values',
    `${found}：三张表全部为空的报告不予发布，请改用机构发布的网页、Word 或 PDF 版本${why.length > 0 ? `。读取时的问题：${why.join('；')}` : ''}`,
    statistical[0]?.line ?? 1,
    1,
  );
}
