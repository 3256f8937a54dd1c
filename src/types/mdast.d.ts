// What Gongkai's front ends note on an mdast node, beside its content.
import 'mdast';

declare module 'mdast' {
  interface TableData {
    /**
     * Every cell of the table is a cell of its source, none added for a merged cell's other
     * columns (a Word file's text, a page's text read by the template's rows): a blank cell after
     * a row's label is a blank value, never the rest of the label, so a row with a cell more than
     * its template's is noticed.
     */
    cellsAsWritten?: boolean;
  }
  interface TableCellData {
    /** An empty cell a front end put where the source has none (a row shorter than its table). */
    padding?: boolean;
    /** A position a merged cell (rowspan, colspan) covers beyond its first. */
    spanned?: boolean;
  }
}
