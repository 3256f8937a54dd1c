// What Gongkai's front ends note on an mdast node, beside its content.
import 'mdast';

declare module 'mdast' {
  interface TableCellData {
    /** An empty cell a front end put where the source has none (a row shorter than its table). */
    padding?: boolean;
    /** A position a merged cell (rowspan, colspan) covers beyond its first. */
    spanned?: boolean;
  }
}
