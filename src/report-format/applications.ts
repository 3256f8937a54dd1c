/**
 * The applications matrix (part 3) as the template descriptions define it, flattened for the
 * code that reads and writes it: each row with its path below `applications`, its wording, its
 * group, its number and the words that identify it when the published label drifts.
 */
import type { MatrixNode, TemplateDescription } from './describe.ts';
import { sharedByAll } from './shared.ts';
import { TEMPLATES, type TemplateId } from './templates/index.ts';

/** The applicant columns, the same in every template (sharedByAll checks it). */
export const APPLICANT_COLUMNS = sharedByAll('the applicant columns', (template) => template.applications.columns);

/** A group of rows is named by its last key: results, denied, unableToProvide, notProcessed, other. */
export type GroupKey = string;

export interface ApplicationRowSpec {
  /** Path below `applications`, e.g. results.denied.stateSecret. */
  path: string;
  /** The label as the template words it. */
  label: string;
  meaning: string;
  /** The group the row sits in; null for the top-level rows. */
  group: GroupKey | null;
  /** The row's own number within its group (1, 2, … or 一, （一）…), as the template prints it. */
  number: string;
  /** Matches the normalised label, numbering removed. */
  pattern: RegExp;
  /** The templates that have the row, oldest first. */
  templates: readonly TemplateId[];
}

export interface ApplicationGroupSpec {
  key: GroupKey;
  /** Path below `applications`: results, results.denied … */
  path: string;
  label: string;
  meaning: string;
  pattern: RegExp;
  /** The group this one sits in (denied sits in results); null at the top. */
  parent: GroupKey | null;
}

function flatten(
  nodes: Readonly<Record<string, MatrixNode>>,
  template: TemplateId,
  prefix: string,
  parent: GroupKey | null,
  rows: ApplicationRowSpec[],
  groups: ApplicationGroupSpec[],
): void {
  for (const [key, node] of Object.entries(nodes)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (node.kind === 'row') {
      const { label, meaning, number, pattern } = node;
      rows.push({ path, label, meaning, group: parent, number, pattern, templates: [template] });
    } else {
      groups.push({ key, path, label: node.label, meaning: node.meaning, pattern: node.pattern, parent });
      flatten(node.children, template, path, key, rows, groups);
    }
  }
}

function flattened(template: TemplateDescription) {
  const rows: ApplicationRowSpec[] = [];
  const groups: ApplicationGroupSpec[] = [];
  flatten(template.applications.rows, template.id as TemplateId, '', null, rows, groups);
  return { rows, groups };
}

const OWN = new Map(TEMPLATES.map((template) => [template.id as string, flattened(template)]));

/** The rows of one template, in its order. */
export function applicationRowsFor(template: string): ApplicationRowSpec[] {
  return OWN.get(template)?.rows ?? [];
}

const sharedPrefix = (a: string, b: string) => {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
};

/**
 * Every row of every template, newest template's order first; a row only an older template has
 * comes after the last row of its group (the 2019 template's （六）其他处理 after 2021's three).
 */
export const APPLICATION_ROWS: readonly ApplicationRowSpec[] = (() => {
  const order = new Map(TEMPLATES.map((template, index) => [template.id as string, index]));
  const all: ApplicationRowSpec[] = [];
  for (const template of [...TEMPLATES].reverse()) {
    for (const spec of applicationRowsFor(template.id)) {
      const same = all.find((row) => row.path === spec.path);
      if (same) {
        same.templates = [...same.templates, ...spec.templates].sort((a, b) => order.get(a)! - order.get(b)!);
        continue;
      }
      let at = all.length;
      let best = 0;
      all.forEach((row, index) => {
        const shared = sharedPrefix(row.path, spec.path);
        if (shared > 0 && shared >= best) [best, at] = [shared, index + 1];
      });
      all.splice(at, 0, { ...spec });
    }
  }
  return all;
})();

/** Group headings of every template: the cells that open a group of rows. */
export const APPLICATION_GROUPS: readonly ApplicationGroupSpec[] = (() => {
  const groups = new Map<string, ApplicationGroupSpec>();
  for (const template of [...TEMPLATES].reverse()) {
    for (const group of OWN.get(template.id)!.groups) if (!groups.has(group.path)) groups.set(group.path, group);
  }
  return [...groups.values()];
})();

/** The groups of one template, in its order. */
export function applicationGroupsFor(template: string): ApplicationGroupSpec[] {
  return OWN.get(template)?.groups ?? [];
}
