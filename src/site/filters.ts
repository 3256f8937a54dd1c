/**
 * Nunjucks filters. Nunjucks escapes every output by default; the only filter that returns
 * markup-safe text is `jsonScript`, whose JSON has <, > and & escaped for a <script> element.
 */
export function jsonScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * A chart's spec as assets/charts.js draws it: without its title and its description, which the
 * page has already as the chart's heading and its canvas's label (a quarter of the spec).
 */
export function chartScript(spec: { title: string; description: string }): string {
  const { title: _title, description: _description, ...drawn } = spec;
  return jsonScript(drawn);
}

const NUMBER_FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** 1234 → 1,234; null or undefined → '' (a blank cell stays blank). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Most table values are whole numbers below a thousand, which the format leaves as they are
  // (−0 aside, which it writes as -0); String() is many times faster than Intl for those.
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) return String(value);
  return NUMBER_FORMAT.format(value);
}

export function regionPath(region: string[]): string {
  return region.join(' › ');
}

/** 1536 → 1.5 KB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

