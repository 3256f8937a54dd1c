/**
 * What a template description holds. Each official template (by the year of the State Council
 * office's notice that set it) is described once, in `templates/<year>.ts`: its tables' rows and
 * columns, their Chinese labels as the template words them, an English gloss, the unit of each
 * value, the JSON keys, and the words that identify a row when a report's label drifts. The
 * record's schema, the extractors' row specs, the page layouts, the CSV columns and the data
 * dictionary are all made from these descriptions; nothing else in the code knows a template.
 */
import type { CellKind } from './numbers.ts';

/** One column of a part-2 (Article 20) row: a value the report gives for that row. */
export interface ProactiveColumn {
  key: string;
  /** The column's header as the template words it. */
  label: string;
  /** English gloss, for the schema and the data dictionary. */
  meaning: string;
  /** Matches the normalised header of the column in a report. */
  pattern: RegExp;
  kind: CellKind;
  /** The cell's text is kept as well, under this key (e.g. “385万元” beside 3850000). */
  textKey?: string;
  /** Gloss of the kept text. */
  textMeaning?: string;
  /**
   * What the column counts across years: the documents in force (`stock`) at the end of the year,
   * and those issued and repealed during it, so that stock = last year's stock + issued − repealed;
   * or the items of the year before (`lastYear`) and this year's change (`change`), so that next
   * year's lastYear = this year's lastYear + change.
   */
  role?: 'stock' | 'issued' | 'repealed' | 'lastYear' | 'change';
}

/** One row of part 2: an Article 20 item's line, with its columns. */
export interface ProactiveRow {
  key: string;
  label: string;
  meaning: string;
  /** The item of Article 20 the row belongs to: 一, 五, 六, 八, 九. */
  item: string;
  pattern: RegExp;
  columns: readonly ProactiveColumn[];
}

/** A row of the applications matrix: seven counts, one per applicant column. */
export interface MatrixRow {
  kind: 'row';
  /** The label as the template words it. */
  label: string;
  meaning: string;
  /** The row's own number within its group (1, 2, … or 一, 七), as the template prints it. */
  number: string;
  /** Matches the normalised label, numbering removed. */
  pattern: RegExp;
}

/** A group of rows of the applications matrix, opened by a heading cell (三、本年度办理结果). */
export interface MatrixGroup {
  kind: 'group';
  label: string;
  meaning: string;
  number: string;
  /** Matches the group's heading, numbering removed. */
  pattern: RegExp;
  children: Readonly<Record<string, MatrixNode>>;
}

export type MatrixNode = MatrixRow | MatrixGroup;

/** A column of counts shared by every row of a table (the applicant types; the review outcomes). */
export interface CountColumn {
  key: string;
  label: string;
  /** The header over the column's header, where the template has one (法人或其他组织). */
  over?: string;
  meaning: string;
}

export interface TemplateDescription {
  /** The year of the notice that set the template, as the record's `template` says it. */
  id: string;
  /** As a reader is told it: 2021年版（国办公开办函〔2021〕30号）. */
  name: string;
  /** The notice: 国办公开办函〔2021〕30号. */
  notice: string;
  /** The first statistics year the template was set for (a report whose tables do not say is guessed by year). */
  firstYear: number;
  /** Words only this template's tables have: its part-2 headers, its applications rows. */
  signs: { proactive: RegExp; applications: RegExp };
  proactive: {
    rows: readonly ProactiveRow[];
    /**
     * Where the figures compared across templates are: e.g. normativeDocuments is the 2021
     * template's 本年制发件数 and the 2019 template's 本年新制作数量.
     */
    figures: Readonly<Record<'normativeDocuments' | 'licensing' | 'penalty' | 'enforcement', readonly [row: string, column: string]>>;
  };
  applications: {
    /** The applicant columns, in the template's order, the last one the total. */
    columns: readonly CountColumn[];
    /** The matrix's rows, top level first: rows and groups of rows, in the template's order. */
    rows: Readonly<Record<string, MatrixNode>>;
  };
  reviewLitigation: {
    /** Review, litigation without review, litigation after review: five outcomes each. */
    groups: ReadonlyArray<{ key: string; label: string; meaning: string }>;
    outcomes: readonly CountColumn[];
  };
}

/** A matrix row, in the description files' shorthand. */
export const matrixRow = (number: string, label: string, meaning: string, pattern: RegExp): MatrixRow => ({
  kind: 'row',
  number,
  label,
  meaning,
  pattern,
});

/** A group of matrix rows, in the description files' shorthand. */
export const matrixGroup = <C extends Readonly<Record<string, MatrixNode>>>(
  number: string,
  label: string,
  meaning: string,
  pattern: RegExp,
  children: C,
): Omit<MatrixGroup, 'children'> & { children: C } => ({ kind: 'group', number, label, meaning, pattern, children });
