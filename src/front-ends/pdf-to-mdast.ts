/**
 * Front end for PDF files, with Mozilla's PDF.js (pdfjs-dist, its legacy build for Node) and the
 * CMaps it ships, so that CJK fonts without a Unicode map still read.
 *
 * 1. Each page's positioned text items become lines: items on one baseline, left to right; a gap
 *    of more than half a character between two items is a cell's edge (a tab). Ruled tables are
 *    read by their rules into cells (pdf-tables.ts), merged cells included.
 * 2. A line of prose that runs to the right margin continues on the next line: they are joined.
 *    A page number alone at the foot or the head of a page, and a line at the same place with
 *    the same text on most pages (a running header, a site's fixed bar), are page furniture.
 * 3. The text is then read as the text of a page is (page-text-to-mdast.ts): tables by the
 *    template's rows, refused row by row where the cells cannot be told apart.
 *
 * A PDF has no lines a reader can count, so positions are dropped (as for a Word file) and each
 * finding of this front end names its page. A PDF without a text layer (a scan) is refused with
 * a message saying so.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { visit } from 'unist-util-visit';
import { ReportError } from '../diagnostics/report-error.ts';
import type { FrontEndResult } from './front-end.ts';
import { pageTextToMdast } from './page-text-to-mdast.ts';
import {
  joinBrokenRow,
  joinMergedCells,
  pageTables,
  rulesOf,
  standApart,
  type GridCell,
  type OperatorList,
  type PageTable,
  type PositionedItem as Item,
} from './pdf-tables.ts';
import { startsOwnRow } from './template-rows.ts';
import { toUnifiedIdeographs } from './unified-ideographs.ts';

interface PdfLine {
  page: number;
  /** A ruled table standing at this line's place, and its top edge. */
  table?: PageTable;
  top?: number;
  items: Item[];
  left: number;
  right: number;
  size: number;
}

/** Fewer characters than this in the whole file: no text layer. */
const MIN_TEXT = 20;
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–\s]*$/;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function pdfToMdast(bytes: Uint8Array): Promise<FrontEndResult> {
  const { text, pages } = await pdfToText(bytes);
  const result = pageTextToMdast(text);
  visit(result.tree, (node) => {
    delete node.position;
  });
  return {
    tree: result.tree,
    metadata: result.metadata,
    findings: (result.findings ?? []).map((finding) => ({
      ...finding,
      message: `（PDF 第${pages[finding.line - 1] ?? '?'}页）${finding.message}`,
      line: 0,
      column: 0,
    })),
  };
}

/** The PDF's text laid out as lines, cells' edges as tabs; `pages[i]` is the page of line i + 1. */
export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; pages: number[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js's part: each page's text items and drawing operators. A failure here is the file's.
  const pages: Array<{ items: Item[]; operators: OperatorList }> = [];
  try {
    const document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, x, y] = item.transform as number[];
        const size = Math.hypot(a!, b!) || Math.abs(d!) || 10;
        const text = toUnifiedIdeographs(item.str);
        // PDF.js joins runs on one baseline into one item ("30 +12 480" across three cells):
        // its words are placed apart again, each where its share of the item's width puts it.
        for (const word of text.matchAll(/\S+/g)) {
          const share = item.width / text.length;
          items.push({ text: word[0], x: x! + share * word.index, y: y!, width: share * word[0].length, size });
        }
      }
      pages.push({ items, operators: (await page.getOperatorList()) as OperatorList });
      page.cleanup();
    }
    await document.destroy();
  } catch (error) {
    const message = String((error as Error).message ?? error).split('\n')[0];
    const encrypted = (error as Error).name === 'PasswordException';
    throw new ReportError(
      encrypted ? 'pdf-encrypted' : 'unreadable-pdf',
      encrypted
        ? 'PDF 文件设有密码，无法读取：请使用未加密的 PDF，或机构发布的网页或 Word 版本'
        : `无法读取 PDF 文件（${message}）：文件可能已损坏或被截断，请重新下载`,
    );
  }
  const characters = pages.reduce((sum, page) => sum + page.items.reduce((n, item) => n + item.text.length, 0), 0);
  if (characters < MIN_TEXT) {
    throw new ReportError(
      'pdf-without-text',
      'PDF 文件没有文字层（是扫描的图像），无法读取其中的文字和数字：请使用机构发布的网页或 Word 版本，或先用 OCR 软件识别后另存为文本',
    );
  }

  const lines: PdfLine[] = [];
  pages.forEach(({ items, operators }, index) => {
    const number = index + 1;
    const ruled = pageTables(items, rulesOf(operators, pdfjs.OPS as Record<string, number>));
    const taken = new Set(ruled.flatMap((table) => [...table.items]));
    const tableLines = ruled.map((table): PdfLine => ({ page: number, table, top: table.top, items: [], left: 0, right: 0, size: 0 }));
    lines.push(...pageLines(items.filter((item) => !taken.has(item)), number, tableLines));
  });
  return layOut(withoutRunningLines(lines));
}

/**
 * Lines that stand at the same place on most pages with the same text — a running header or
 * footer, or a browser's fixed bar printed on every page (文件下载, 相关链接) — are page
 * furniture: left out, so that they neither break a paragraph nor enter the report.
 */
function withoutRunningLines(lines: PdfLine[]): PdfLine[] {
  const pageCount = new Set(lines.map((line) => line.page)).size;
  if (pageCount < 2) return lines;
  const key = (line: PdfLine) => `${Math.round(line.items[0]!.y / 2)}|${line.items.map((item) => item.text).join('')}`;
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines) {
    if (line.table || line.items.length === 0) continue;
    const k = key(line);
    pagesOf.set(k, (pagesOf.get(k) ?? new Set()).add(line.page));
  }
  const needed = Math.max(2, Math.ceil(pageCount / 2));
  return lines.filter((line) => line.table || line.items.length === 0 || (pagesOf.get(key(line))?.size ?? 0) < needed);
}

/** A page's items as lines, top to bottom, its tables among them; a page number alone at its foot or head is left out. */
function pageLines(items: Item[], page: number, tables: PdfLine[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.items[0]!.y - item.y) <= Math.max(line.size, item.size) * 0.4) line.items.push(item);
    else lines.push({ page, items: [item], left: 0, right: 0, size: item.size });
  }
  for (const line of lines) {
    line.items.sort((p, q) => p.x - q.x);
    line.left = line.items[0]!.x;
    line.right = Math.max(...line.items.map((item) => item.x + item.width));
    line.size = Math.max(...line.items.map((item) => item.size));
  }
  const isFurniture = (line: PdfLine | undefined) => line !== undefined && PAGE_NUMBER.test(line.items.map((item) => item.text).join(''));
  if (isFurniture(lines.at(-1))) lines.pop();
  if (isFurniture(lines[0])) lines.shift();
  const top = (line: PdfLine) => line.top ?? line.items[0]!.y;
  return [...lines, ...tables].sort((a, b) => top(b) - top(a));
}

/**
 * The lines as text: cells' edges as tabs, wrapped prose joined. `pages[i]` is the page of the
 * text's line i + 1.
 */
function layOut(lines: PdfLine[]): { text: string; pages: number[] } {
  /** Lines of text, and tables whose rows are made text at the end (a later page may still join to them). */
  const out: Array<string | { table: GridCell[][] }> = [];
  const pages: number[] = [];
  const right = new Map<number, number>();
  const left = new Map<number, number>();
  for (const line of lines) {
    if (line.table) continue;
    right.set(line.page, Math.max(right.get(line.page) ?? 0, line.right));
    left.set(line.page, Math.min(left.get(line.page) ?? Number.POSITIVE_INFINITY, line.left));
  }
  let previous: { line: PdfLine; cells: string[] } | null = null;
  /** The last table read, while nothing but the page's end has come after it. */
  let previousTable: { table: PageTable; page: number } | null = null;
  for (const line of lines) {
    if (line.table) {
      const carried = previousTable as { table: PageTable; page: number } | null;
      const goesOn = carried !== null && carried.page === line.page - 1 && previous === null;
      if (goesOn) joinMergedCells(carried.table, line.table);
      const rows = line.table.rows.map((row) => row.filter((cell) => !cell.joined)).filter((row) => row.some((cell) => cell.text !== ''));
      // A table that goes on from the last page's, its first row the end of that page's last row.
      if (goesOn && rows.length > 0) {
        const lastRow = carried.table.rows.at(-1);
        const joined = lastRow ? joinBrokenRow(lastRow, rows[0]!, carried.table, line.table, startsOwnRow) : null;
        if (joined && lastRow) {
          lastRow.splice(0, lastRow.length, ...joined);
          rows.shift();
        }
      }
      out.push({ table: rows });
      pages.push(line.page);
      previousTable = { table: { ...line.table, rows }, page: line.page };
      previous = null;
      continue;
    }
    if (previousTable && line.page === previousTable.page) previousTable = null;
    const cells = cellsOf(line);
    const text = cells.join('\t');
    // Prose that reached the right margin goes on at the start of the next line.
    const wrapped =
      previous !== null &&
      previous.cells.length === 1 &&
      cells.length === 1 &&
      Math.abs(previous.line.size - line.size) < 0.5 &&
      previous.line.right >= (right.get(previous.line.page) ?? 0) - previous.line.size * reach(previous.cells[0]!, cells[0]!) &&
      line.left <= (left.get(line.page) ?? 0) + line.size * 2.5 &&
      !/[。：:；;！？]$/.test(previous.cells[0]!);
    if (wrapped) {
      const joinedText = joinLines(out.at(-1) as string, text);
      out[out.length - 1] = joinedText;
      previous = { line, cells: [joinedText] };
      continue;
    }
    out.push(text);
    pages.push(line.page);
    previous = { line, cells };
  }
  const text: string[] = [];
  const linePages: number[] = [];
  out.forEach((entry, index) => {
    const rows = typeof entry === 'string' ? [entry] : entry.table.map((row) => row.map((cell) => cell.text).join('\t'));
    for (const row of rows) {
      text.push(row);
      linePages.push(pages[index]!);
    }
  });
  return { text: `${text.join('\n')}\n`, pages: linePages };
}

/**
 * How far short of the right margin a wrapped line may end, in characters: a Chinese line runs to
 * the margin, but a long number or word carried over whole (0591- / 23163420) leaves a gap.
 */
function reach(before: string, after: string): number {
  return /[A-Za-z0-9\-_.@/]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? 8 : 1.5;
}

/** A line's cells: items that do not stand apart (see standApart) are one cell. */
function cellsOf(line: PdfLine): string[] {
  const cells: string[] = [];
  line.items.forEach((item, index) => {
    const before = line.items[index - 1];
    if (!before || standApart(before, item)) cells.push(item.text.trim());
    else cells[cells.length - 1] = joinLines(cells.at(-1)!, item.text.trim(), item.x - (before.x + before.width) > line.size * 0.2);
  });
  return cells.filter((cell) => cell !== '');
}

function joinLines(before: string, after: string, spaced = false): string {
  const cjk = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
  if (before === '' || after === '') return before + after;
  return spaced && !cjk.test(before.at(-1)!) && !cjk.test(after[0]!) ? `${before} ${after}` : before + after;
}
