/**
 * Finding the parts of a report in its tree: the title, the text before part 1, the six parts
 * (by their headings), and the three statistical tables (by their content, so that a table under
 * a missing or misspelled heading is still found).
 */
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { matchPartHeading, matchPartHeadingLoosely, type PartSpec } from '../report-format/parts.ts';
import { tableCells, type Row } from './table-cells.ts';

export type TableKind = 'proactive' | 'applications' | 'reviewLitigation' | 'fees';

export interface LocatedTable {
  node: Table;
  kind: TableKind | 'unknown';
  rows: Row[];
  line: number;
  endLine: number;
}

export interface FoundPart {
  spec: PartSpec;
  heading: string;
  line: number;
  nodes: RootContent[];
}

export interface ReportStructure {
  title: { text: string; line: number } | null;
  preamble: RootContent[];
  parts: FoundPart[];
  tables: LocatedTable[];
}

const KIND_SIGNS: Array<[TableKind, (text: string) => boolean]> = [
  ['applications', (t) => /本年新收|上年结转|本年度办理结果|予以公开|结转下年度/.test(t)],
  ['fees', (t) => /收取件数|收取金额|收费金额\(元\)|信息处理费/.test(t) && !/行政事业性收费/.test(t)],
  ['reviewLitigation', (t) => /行政复议/.test(t) && /行政诉讼|复议后起诉/.test(t)],
  ['proactive', (t) => /第二十条|信息内容|行政规范性文件|规章|行政许可|行政处罚/.test(t)],
];

const KIND_OF_PART: Partial<Record<PartSpec['key'], TableKind>> = {
  proactive: 'proactive',
  applications: 'applications',
  reviewLitigation: 'reviewLitigation',
};

function classify(rows: Row[]): TableKind | undefined {
  const text = rows.map((row) => row.map((cell) => cell.label).join('|')).join('\n');
  return KIND_SIGNS.find(([, sign]) => sign(text))?.[0];
}

export function findSections(tree: Root): ReportStructure {
  const structure: ReportStructure = {
    title: null,
    preamble: [],
    parts: [],
    tables: [],
  };
  let current: FoundPart | null = null;
  let previousTable: LocatedTable | null = null;
  // A heading worded otherwise than the template counts only where the template's wording is
  // absent, and only after the parts before it (a subsection 二、主动公开工作 in part 1 is not part 2).
  const worded = new Set(
    tree.children.flatMap((node) => (node.type === 'heading' ? [matchPartHeading(toString(node))?.part] : [])).filter((part) => part !== undefined),
  );
  const headingSpec = (text: string): PartSpec | undefined => {
    const strict = matchPartHeading(text);
    if (strict) return strict;
    const loose = matchPartHeadingLoosely(text);
    return loose && !worded.has(loose.part) && loose.part > (current?.spec.part ?? 0) ? loose : undefined;
  };

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'heading') {
      const text = toString(node);
      const spec = headingSpec(text);
      const seen = spec && structure.parts.some((part) => part.spec.part === spec.part);
      if (spec && !seen) {
        current = { spec, heading: text, line, nodes: [] };
        structure.parts.push(current);
        previousTable = null;
        continue;
      }
      if (node.depth === 1 && !structure.title && !current) {
        structure.title = { text, line };
        continue;
      }
    }
    if (node.type === 'table') {
      previousTable = locateTable(node, structure.tables.length + 1, current, previousTable);
      structure.tables.push(previousTable);
    } else {
      previousTable = null;
    }
    (current ? current.nodes : structure.preamble).push(node);
  }
  return structure;
}

function locateTable(node: Table, ordinal: number, part: FoundPart | null, previous: LocatedTable | null): LocatedTable {
  const rows = tableCells(node, ordinal);
  const kind =
    classify(rows) ??
    // A table without signs of its own continues the table before it, or belongs to its part.
    (previous && previous.kind !== 'unknown' ? previous.kind : undefined) ??
    (part ? KIND_OF_PART[part.spec.key] : undefined) ??
    'unknown';
  return {
    node,
    kind,
    rows,
    line: node.position?.start.line ?? 0,
    endLine: node.position?.end.line ?? 0,
  };
}
