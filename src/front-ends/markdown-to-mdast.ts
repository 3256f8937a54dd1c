/**
 * Front end for Markdown with GFM tables (.md): the format an editor writes by hand and the one
 * Gongkai exports. Optional YAML front matter states what the document lacks:
 *
 *   ---
 *   agency: 南关区新春街道办事处
 *   year: 2021
 *   region: [长春市, 南关区]
 *   url: https://www.example.gov.cn/zfxxgk/2021/report.html
 *   ---
 *
 * Part headings may be written as headings (## 一、总体情况) or as plain paragraphs.
 */
import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ReportError } from '../diagnostics/report-error.ts';
import { promoteHeadings } from './block-kinds.ts';
import { emptyMetadata, webAddress, type FrontEndResult } from './front-end.ts';

const FrontMatter = z.strictObject({
  title: z.string().optional(),
  agency: z.string().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  region: z.union([z.array(z.string().min(1)), z.string().min(1)]).optional(),
  publishedOn: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()]).optional(),
  url: z.string().refine((text) => webAddress(text) !== null, '应为以 http:// 或 https:// 开头的网址').optional(),
});

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function markdownToMdast(text: string): FrontEndResult {
  const tree = processor.runSync(processor.parse(text)) as Root;
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  promoteHeadings(tree);
  if (!yaml) return { tree, metadata: null };

  const line = yaml.position?.start.line ?? 1;
  let data: unknown;
  try {
    data = parseYaml(yaml.value) ?? {};
  } catch (error) {
    throw new ReportError('front-matter', `文件开头的 YAML 元数据无法读取：${String((error as Error).message).split('\n')[0]}`, line);
  }
  const parsed = FrontMatter.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportError(
      'front-matter',
      `文件开头的元数据中“${issue.path.join('.') || '整体'}”有误：${issue.message}（可用的键：title、agency、year、region、publishedOn、url）`,
      line,
    );
  }
  const { title, agency, year, region, publishedOn, url } = parsed.data;
  return {
    tree,
    metadata: {
      ...emptyMetadata('frontMatter'),
      title: title ?? null,
      agency: agency ?? null,
      year: year ?? null,
      region: region === undefined ? null : typeof region === 'string' ? region.split(/\s*[›>/]\s*/) : region,
      publishedOn: publishedOn === undefined ? null : publishedOn instanceof Date ? publishedOn.toISOString().slice(0, 10) : publishedOn,
      url: webAddress(url),
    },
  };
}
