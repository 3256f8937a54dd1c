/**
 * Part 2, the Article 20 items, as the template descriptions define them: which rows each
 * template has, which columns, and the unit of each column.
 */
import type { ProactiveColumn, ProactiveRow, TemplateDescription } from './describe.ts';
import { TEMPLATES, templateDescription } from './templates/index.ts';

export type ProactiveColumnSpec = ProactiveColumn;
export type ProactiveRowSpec = ProactiveRow;

/** The part-2 rows of one template, in its order. */
export function proactiveRowsFor(template: string): readonly ProactiveRowSpec[] {
  return templateDescription(template).proactive.rows;
}

/** Every template's part-2 rows. */
export const ALL_PROACTIVE_ROWS: readonly ProactiveRowSpec[] = (
  TEMPLATES as readonly TemplateDescription[]
).flatMap((template) => template.proactive.rows);
