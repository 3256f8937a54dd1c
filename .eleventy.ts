/**
 * Eleventy configuration: templates in templates/, data from the ingested JSON in data/, the site
 * in _site/. Eleventy does not load TypeScript itself: a build hands it this file's bundled copy
 * (scripts/run.mjs), or this file through tsx when it runs from the sources.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { siteDataFor } from './src/site/load-site-data.ts';
import { chartScript, fileSize, formatNumber, jsonScript, regionPath } from './src/site/filters.ts';
import { copyTree, linkTree } from './src/publish/link-files.ts';
import { publishedPlain } from './src/publish/bulk-files.ts';
import { siteAddress } from './src/site/site-address.ts';
import { layoutPlaces, layoutRows } from './src/site/table-cells-html.ts';
import { HtmlBasePlugin } from '@11ty/eleventy';
// Eleventy's own type of the configuration API, from the JSDoc of its UserConfig (tsconfig's
// allowJs and maxNodeModuleJsDepth let TypeScript read it).
import type UserConfig from '@11ty/eleventy/UserConfig';

/** The per-report downloads and the bulk files: folders of the data, and where they go in the site. */
const DOWNLOAD_FOLDERS = ['reports', 'sources', 'bulk'];

/**
 * The project's own files in the site, from the project's folder: copied when the site is
 * written, a few small files (Eleventy's passthrough copy took a quarter of a second for them,
 * most of what a build of one new report asks of Eleventy).
 */
const SITE_FILES: Array<[from: string, to: string]> = [
  ['schema/report.schema.json', 'data/report.schema.json'],
  ['schema/report-csv.schema.json', 'data/report-csv.schema.json'],
  ['templates/assets', 'assets'],
  ['node_modules/chart.js/dist/chart.umd.min.js', 'assets/chart.umd.min.js'],
];

export default function (eleventyConfig: UserConfig): void {
  // GONGKAI_DATA: where `npm run ingest` wrote the records (data/ unless told otherwise).
  const dataFolder = process.env['GONGKAI_DATA'] ?? 'data';
  // A build hands over the site data it made, and may render the report, agency, year and region
  // pages (the templates that say pageSet) in several passes after the first
  // (src/build/build-portal.ts): those passes skip the others.
  const { site, pagesOnly } = siteDataFor(dataFolder);
  eleventyConfig.addGlobalData('portal', site);
  if (pagesOnly) eleventyConfig.addPreprocessor('pages-only', 'njk', (data: Record<string, unknown>) => (data['pageSet'] ? undefined : false));
  eleventyConfig.addFilter('jsonScript', jsonScript);
  eleventyConfig.addFilter('chartScript', chartScript);
  eleventyConfig.addFilter('number', formatNumber);
  eleventyConfig.addFilter('regionPath', regionPath);
  eleventyConfig.addFilter('fileSize', fileSize);
  eleventyConfig.addFilter('layoutRows', layoutRows);
  eleventyConfig.addFilter('layoutPlaces', layoutPlaces);
  // Every address in every page under the site's path (config.pathPrefix). At the root there is
  // nothing to do, and the plugin is left out: it would parse every page to find its addresses.
  if (config.pathPrefix !== '/') eleventyConfig.addPlugin(HtmlBasePlugin);
  // Thousands of files: linked into the site once it is written rather than copied by Eleventy.
  eleventyConfig.on('eleventy.after', ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== 'fs' || pagesOnly) return;
    for (const folder of DOWNLOAD_FOLDERS) {
      const from = join(dataFolder, folder);
      // A bulk file published only compressed (a year's records and values) stays in the data folder.
      if (existsSync(from)) linkTree(from, join(directories.output, 'data', folder), folder === 'bulk' ? publishedPlain : undefined);
    }
    for (const [from, to] of SITE_FILES) copyTree(join(import.meta.dirname, from), join(directories.output, to));
  });
}

export const config = {
  // The path of GONGKAI_SITE_URL: / at the root, /zfxxgk/nb/ under a path (see site-address.ts).
  pathPrefix: siteAddress().pathPrefix,
  // The output folder is Eleventy's default (_site), or the one the build passes.
  dir: { input: 'templates', includes: '_includes' },
  // Pages, the feed and the sitemap are Nunjucks, which escapes every value (valid for XML too).
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
  markdownTemplateEngine: false,
};
