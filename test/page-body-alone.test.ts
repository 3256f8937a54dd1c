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

/** A tree as parse5 gives it and as the outline rebuilds it: comments' text (which the reduced page leaves out) and the key of reduce-page.ts aside. */
function comparable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(comparable);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'dataGongkaiAttributes') copy[key] = comparable(value);
  if (copy['type'] === 'comment') copy['value'] = '';
  return copy;
}

/** Whether the body and title rebuilt from the outline are what parse5 builds from them, node for node. */
function rebuiltAsParsed(html: string): { rebuilt: boolean; equal: boolean } | null {
  const rebuilt = partsFromOutline(html);
  const parsed = partsFromOutline(html, false);
  if (!rebuilt || !parsed) return null;
  const equal = isDeepStrictEqual(comparable([rebuilt.body, rebuilt.title]), comparable([parsed.body, parsed.title]));
  return { rebuilt: rebuilt.read === 'rebuilt', equal };
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

  it.each([...pages.keys()])('rebuilds from the outline the tree parse5 builds: %s', (path) => {
    const html = pages.get(path)!;
    const result = rebuiltAsParsed(html);
    if (path.includes('pingtan-')) expect(result).toEqual({ rebuilt: true, equal: true });
    else if (result) expect(result.equal).toBe(true);
  });

  it.each([
    ['a row straight in a table, white space and comments around it', '<table> <!--a--> <tr><td>本年新收</td></tr> <!--b--> </table>'],
    ['rows after a <thead>, and a second body', '<table><thead><tr><th>x</th></tr></thead><tr><td>本年新收</td></tr><tbody><tr><td>1</td></tr></tbody></table>'],
    ['entities in a text, and an end tag that closes nothing between texts', '<p>本年新收&nbsp;&amp;&#x4e00;</span>一</p>'],
    ['cells, list items and paragraphs closed by the next tag', '<table><tr><td>本年新收<td>2</table><ul><li>a<li>b</ul><p>c<div>d</div><p>'],
    ['a <pre> and a <textarea> that do not begin with a newline', '<pre>本年新收\n</pre><textarea> \nx</textarea>'],
    ['Word’s conditional comments and lists', '<p><![if !supportLists]><span>1.</span><![endif]>本年新收</p><o:p></o:p>'],
  ])('rebuilds %s as parse5 does', (_name, content) => {
    const html = `<!DOCTYPE html><html><head><title>报告</title></head><body><div class="TRS_Editor"><p>总体情况</p>${content}</div></body></html>`;
    expect(rebuiltAsParsed(html)).toEqual({ rebuilt: true, equal: true });
  });

  it.each([
    ['a cell outside a row', '<table><tbody><td>本年新收</td></tbody></table>'],
    ['a <col> outside a <colgroup>', '<table><col><tr><td>本年新收</td></tr></table>'],
    ['a </p> that closes nothing', '<div>本年新收</p></div>'],
    ['a newline after <pre>', '<pre>\n本年新收</pre>'],
    ['a newline after <textarea>', '<textarea>\n\n本年新收</textarea>'],
  ])('leaves %s to parse5', (_name, content) => {
    const html = `<!DOCTYPE html><html><body><div class="TRS_Editor"><p>总体情况</p>${content}</div></body></html>`;
    expect(rebuiltAsParsed(html)).toEqual({ rebuilt: false, equal: true });
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
    let rebuilt = 0;
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
      const tree = rebuiltAsParsed(html);
      if (tree?.rebuilt) rebuilt++;
      if (tree && !tree.equal) mismatches.push(`trial ${trial}, the rebuilt tree: ${inserted.join(', ')}`);
    }
    expect(mismatches).toEqual([]);
    // Both ways were tried: some changed pages are still read alone, some are not.
    expect(alone).toBeGreaterThan(5);
    expect(whole).toBeGreaterThan(5);
    expect(rebuilt).toBeGreaterThan(5);
  });
});
