/**
 * The data dictionary, generated from the published JSON Schema rather than written a second
 * time: every key of a record with its Chinese label as the template words it, its meaning, its
 * type, its unit and the templates it exists in.
 */
import { reportJsonSchema } from '../schema/report.ts';

export interface DictionaryEntry {
  path: string;
  label: string;
  meaning: string;
  type: string;
  unit: string;
  templates: string;
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  const?: unknown;
  enum?: unknown[];
};

/** “本年制发件数 — issued this year” → label and meaning. */
function split(description: string | undefined): { label: string; meaning: string } {
  if (!description) return { label: '', meaning: '' };
  const [label, ...rest] = description.split(' — ');
  return rest.length > 0 ? { label: label!, meaning: rest.join(' — ') } : { label: '', meaning: description };
}

function unitOf(path: string, type: string): string {
  if (/TenThousandYuan$/.test(path)) return '万元';
  if (/Yuan$/.test(path)) return '元';
  if (/^(proactive|applications|reviewLitigation)\./.test(path) && type.startsWith('integer')) return '件';
  if (/^fees\.noticesSent$/.test(path)) return '件';
  return '';
}

export function dataDictionary(): DictionaryEntry[] {
  const schema = reportJsonSchema() as { $defs: Record<string, JsonSchema> };
  const defs = schema.$defs;
  const resolve = (node: JsonSchema): JsonSchema => (node.$ref ? resolve(defs[node.$ref.replace('#/$defs/', '')]!) : node);
  const entries = new Map<string, DictionaryEntry & { seen: Set<string> }>();

  // Labels compose down the tree: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人.
  const walk = (node: JsonSchema, path: string, template: string, description?: string, prefix = '') => {
    const target = resolve(node);
    const own = node.description ?? description ?? target.description;
    const ownLabel = split(own).label;
    const childPrefix = ownLabel && /[\u4e00-\u9fff]/.test(ownLabel) ? (prefix ? `${prefix}·${ownLabel}` : ownLabel) : prefix;
    const variants = target.anyOf ?? target.oneOf;
    if (variants) {
      const nonNull = variants.filter((variant) => resolve(variant).type !== 'null');
      if (nonNull.length === 1) {
        const inner = resolve(nonNull[0]!);
        const nullable = nonNull.length < variants.length;
        if (inner.properties) return walk(nonNull[0]!, path, template, own, prefix);
        return add(path, template, own, `${typeName(inner)}${nullable ? ' | null' : ''}`, prefix);
      }
    }
    if (target.properties) {
      for (const [key, child] of Object.entries(target.properties)) walk(child, path ? `${path}.${key}` : key, template, undefined, childPrefix);
      return;
    }
    if (target.type === 'array' && target.items) {
      const items = resolve(target.items);
      if (items.properties) {
        add(path, template, own, 'array', prefix);
        for (const [key, child] of Object.entries(items.properties)) walk(child, `${path}[].${key}`, template, undefined, childPrefix);
        return;
      }
      return add(path, template, own, `array of ${typeName(items)}`, prefix);
    }
    add(path, template, own, typeName(target), prefix);
  };

  const typeName = (node: JsonSchema): string => {
    if (node.const !== undefined) return `"${String(node.const)}"`;
    if (node.enum) return node.enum.map((value) => `"${String(value)}"`).join(' | ');
    if (node.type === 'object' && node.additionalProperties) return 'object (keyed by JSON path)';
    return Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? 'value');
  };

  const add = (path: string, template: string, description: string | undefined, type: string, prefix: string) => {
    const existing = entries.get(path);
    if (existing) {
      existing.seen.add(template);
      return;
    }
    const { label: own, meaning } = split(description);
    const label = own && prefix ? `${prefix}·${own}` : own || prefix;
    entries.set(path, { path, label, meaning, type, unit: unitOf(path, type), templates: '', seen: new Set([template]) });
  };

  walk(defs['Report2021']!, '', '2021');
  walk(defs['Report2019']!, '', '2019');
  return [...entries.values()].map(({ seen, ...entry }) => ({
    ...entry,
    templates: seen.size === 2 ? '2019、2021' : [...seen].join(''),
  }));
}
