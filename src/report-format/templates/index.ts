/**
 * The templates (list.ts) as the rest of the code asks for them: newest first, by id, their ids.
 */
import type { TemplateDescription } from '../describe.ts';
import { TEMPLATES } from './list.ts';

export { TEMPLATES };

export type TemplateId = (typeof TEMPLATES)[number]['id'];

/** Newest first: the order a report's tables are tried against. */
export const NEWEST_FIRST: readonly TemplateDescription[] = [...TEMPLATES].reverse();

const BY_ID = new Map<string, TemplateDescription>(TEMPLATES.map((template) => [template.id, template]));

export function templateDescription(id: string): TemplateDescription {
  const template = BY_ID.get(id);
  if (!template) throw new Error(`No template description for “${id}”`);
  return template;
}

/** Oldest first. */
export const TEMPLATE_IDS: readonly string[] = TEMPLATES.map((template) => template.id);
