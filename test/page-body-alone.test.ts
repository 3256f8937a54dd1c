/**
 * The web-page front end reads most pages from their outline, parsing only the report's body
 * (page-parts.ts). It must give exactly what parsing the whole page gives — the same mdast tree,
 * the same positions, the same metadata — or give up and let the whole page be parsed.
 *
 * Checked on every saved page the project has, then on those pages with stray and misnested
 * tags put in at random places (a seeded generator, so a failure can be replayed): wherever the
 * outline says it can read the body alone, the result is the whole page's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { htmlToMdast } from '../src/front-ends/html-to-mdast.ts';
import { partsFromOutline, partsFromWholePage, type PageParts } from '../src/front-ends/page-parts.ts';
import { FIXTURES } from './fixture-cases.ts';

const pages = new Map<string, string>();
for (const folder of [FIXTURES, 'reports']) {
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.html?$/.test(entry.name)) {
        const html = readFileSync(path, 'utf8');
        if (![...pages.values()].includes(html)) pages.set(path, html);
      }
    }
  };
  walk(folder);
}

/** The front end's result from the given parts, or the error it stops with. */
function convert(html: string, parts: PageParts): unknown {
  try {
    return htmlToMdast(html, () => structuredClone(parts));
  } catch (error) {
    return { error: String(error) };
  }
}

describe('reading a page’s body alone', () => {
  it('has pages to try', () => {
    expect(pages.size).toBeGreaterThanOrEqual(20);
  });

  it.each([...pages.keys()])('gives what the whole page gives: %s', (path) => {
    const html = pages.get(path)!;
    const alone = partsFromOutline(html);
    // The real pages from the Pingtan site are regular: the fast way must be taken for them.
    if (path.includes('pingtan-')) expect(alone).not.toBeNull();
    if (alone) expect(convert(html, alone)).toEqual(convert(html, partsFromWholePage(html)));
  });

  it('gives up on a page the standard parses otherwise (a <p> closed around a <span>)', () => {
    const html = '<!DOCTYPE html><html><body><p><span class="content">总体情况<div>本年新收</div></span></p></body></html>';
    expect(partsFromOutline(html)).toBeNull();
  });

  it('gives what the whole page gives when stray tags are put in', () => {
    const sources = [...pages.entries()].filter(([path]) => path.includes('pingtan-')).slice(0, 4).map(([, html]) => html);
    const stray = [
      '</div>', '</td>', '</b>', '<a>', '<a href="x">', '</span>', '</table>', '<table>', '</p>', '<p>', '</li>', '<li>',
      '</form>', '<form>', '</body>', '<body>', '<noscript>', '<svg>', '<b>', '<font>', '</font>', '<td>', '<tr>',
      '</tr>', '<h2>', '</h3>', '<dd>', '<button>', '<nobr>', '<select>', '<template>', '<head>',
      '<div class="content">', '<span class="TRS_Editor">', '<![CDATA[x]]>', '<!--', '<script>', '<li><span><li>',
      '<p><span><div>', 'x', '<table><tr><td>', '<dialog>', '<span hidden>', '<div hidden>', '<math>', '</h1>',
      '<h1>', '<title>', '<textarea>', '<caption>', '<col>', '<hr>', '<image>', '<frameset>', '<plaintext>',
      '<html>', '<meta name="ArticleTitle" content="假">',
    ];
    let seed = 20261203;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let alone = 0;
    let whole = 0;
    const mismatches: string[] = [];
    for (let trial = 0; trial < 60; trial++) {
      let html = sources[trial % sources.length]!;
      const inserted: string[] = [];
      for (let count = 1 + Math.floor(random() * 2); count > 0; count--) {
        const offsets = [...html.matchAll(/</g)].map((match) => match.index);
        // Half the time inside the report's body, where a stray tag matters most.
        const bodyStart = html.indexOf('TRS_Editor');
        const choices = random() < 0.5 && bodyStart > 0 ? offsets.filter((offset) => offset > bodyStart) : offsets;
        const at = choices[Math.floor(random() * choices.length)]!;
        const tag = stray[Math.floor(random() * stray.length)]!;
        inserted.push(`${tag} at ${at}`);
        html = html.slice(0, at) + tag + html.slice(at);
      }
      const parts = partsFromOutline(html);
      if (!parts) {
        whole++;
        continue;
      }
      alone++;
      if (!isDeepStrictEqual(convert(html, parts), convert(html, partsFromWholePage(html)))) {
        mismatches.push(`trial ${trial}: ${inserted.join(', ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Both ways were tried: some changed pages are still read alone, some are not.
    expect(alone).toBeGreaterThan(5);
    expect(whole).toBeGreaterThan(5);
  });
});
