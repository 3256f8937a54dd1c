/**
 * The prose of the report in reading order: the text before part 1 and the six parts with their
 * subsection headings and paragraphs. Tables stay as markers of where they stand; their numbers
 * are read by the table extractors.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, Section } from '../schema/report.ts';
import type { LocatedTable, ReportStructure } from '../structure/find-sections.ts';
import { lineOrNull } from '../diagnostics/line-label.ts';

function toBlock(node: RootContent, tables: LocatedTable[]): Block {
  const line = lineOrNull(node.position?.start.line);
  if (node.type === 'table') {
    const kind = tables.find((table) => table.node === node)?.kind ?? 'unknown';
    return { type: 'table', text: kind, line };
  }
  return { type: node.type === 'heading' ? 'heading' : 'paragraph', text: toString(node).trim(), line };
}

export function extractProse(structure: ReportStructure): { preamble: Block[]; sections: Section[] } {
  const blocks = (nodes: RootContent[]) => nodes.map((node) => toBlock(node, structure.tables));
  return {
    preamble: blocks(structure.preamble),
    sections: structure.parts.map((part) => ({
      part: part.spec.part,
      key: part.spec.key,
      title: part.spec.title,
      heading: part.heading,
      line: lineOrNull(part.line),
      blocks: blocks(part.nodes),
    })),
  };
}
