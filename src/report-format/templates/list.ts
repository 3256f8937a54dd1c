/**
 * The official templates the portal reads, oldest first. Adding a template is writing its
 * description beside these and adding it here: the schema, the extractors, the pages, the
 * downloads and the data dictionary all follow from this list (test/template-year.test.ts adds one).
 */
import type { TemplateDescription } from '../describe.ts';
import { TEMPLATE_2019 } from './2019.ts';
import { TEMPLATE_2021 } from './2021.ts';

export const TEMPLATES = [TEMPLATE_2019, TEMPLATE_2021] as const satisfies readonly TemplateDescription[];
