/**
 * Eleventy configuration: templates in templates/, data from the ingested JSON in data/, the site
 * in _site/. Run through tsx (see package.json), since Eleventy does not load TypeScript itself.
 */
import { loadSiteData } from './src/site/load-site-data.ts';
import { fileSize, formatNumber, jsonScript, regionPath } from './src/site/filters.ts';

interface EleventyConfig {
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

export default function (eleventyConfig: EleventyConfig): void {
  // GONGKAI_DATA: where `npm run ingest` wrote the records (data/ unless told otherwise).
  const dataFolder = process.env['GONGKAI_DATA'] ?? 'data';
  eleventyConfig.addGlobalData('portal', () => loadSiteData(dataFolder));
  eleventyConfig.addFilter('jsonScript', jsonScript);
  eleventyConfig.addFilter('number', formatNumber);
  eleventyConfig.addFilter('regionPath', regionPath);
  eleventyConfig.addFilter('fileSize', fileSize);
  eleventyConfig.addPassthroughCopy({
    [`${dataFolder}/reports`]: 'data/reports',
    [`${dataFolder}/sources`]: 'data/sources',
    [`${dataFolder}/bulk`]: 'data/bulk',
    'schema/report.schema.json': 'data/report.schema.json',
    'templates/assets': 'assets',
    'node_modules/chart.js/dist/chart.umd.min.js': 'assets/chart.umd.min.js',
  });
}

export const config = {
  // The output folder is Eleventy's default (_site), or the one the build passes.
  dir: { input: 'templates', includes: '_includes' },
  // Pages, the feed and the sitemap are Nunjucks, which escapes every value (valid for XML too).
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
  markdownTemplateEngine: false,
};
