/**
 * Parts of the tables that every template has alike today (the applicant columns, the review and
 * litigation table). Code that reads them takes them from here; a template that changed them
 * would stop the program at once, naming what differs, rather than be read with the wrong columns.
 */
import { isDeepStrictEqual } from 'node:util';
import { TEMPLATES } from './templates/index.ts';

type Described = (typeof TEMPLATES)[number];

export function sharedByAll<T>(what: string, select: (template: Described) => T): T {
  const first = select(TEMPLATES[0]);
  for (const template of TEMPLATES) {
    if (!isDeepStrictEqual(select(template), first)) {
      throw new Error(`The ${template.id} template describes ${what} differently from the others: the code reading them assumes one set`);
    }
  }
  return first;
}
