/**
 * The copy of a page that Pagefind indexes (the published page is never changed).
 *
 * Pagefind cuts Chinese into words twice, differently: when it indexes, with jieba (行政复议 one
 * word), and when a reader searches, in the browser, with Intl.Segmenter (行政|复|议). A query
 * then finds only the pages where both happened to cut alike: 行政复议 found 2 of the 45 pages
 * that contain it, and a phrase copied from a report found nothing. So the copy it indexes has a
 * space after every Chinese character, making every character a word of its own on both sides:
 * the search page puts the same spaces into the query and, for a query of one run of text, asks
 * for the characters in that order (Pagefind's exact phrase), which finds the pages that contain
 * the text, as a reader expects (templates/assets/search.js, which also takes the spaces out of
 * the results it shows).
 *
 * The copy also carries the agency's pinyin (its address's slug, chunxiaojiedao), so that a
 * reader without a Chinese keyboard finds the agency too.
 *
 * Only the body's text is changed, and what the index leaves out of it (the statistical tables,
 * data-pagefind-ignore) is left out of the copy, which halves what Pagefind reads: tags,
 * attributes, comments, scripts, styles and everything outside the body are copied as they are
 * (htmlparser2 says where each text and element is).
 */
import { Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** The ideographs of the CJK blocks (unified, extension A, compatibility). */
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * `html` with a space after every Chinese character of its searchable body's text, the parts of
 * the body that the index leaves out (data-pagefind-ignore: the statistical tables) left out of the
 * copy too, and `words` put last in the body.
 *
 * The pages are ours and close every element they open, so htmlparser2's tokenizer alone reads
 * them (a third of the time its parser takes); a page where an end tag does not close the element
 * last opened is read by the parser, which closes elements as HTML does.
 */
export function searchCopy(html: string, words: string[] = []): string {
  return copyByTokens(html, words) ?? copyByParser(html, words);
}

/** What searchCopy makes, from the tokenizer's calls; null where the page's tags do not nest. */
export function copyByTokens(html: string, words: string[]): string | null {
  const parts: string[] = [];
  let copied = 0;
  const open: Array<{ name: string; start: number }> = [];
  let body = -1;
  let ignored = -1;
  let attribute = '';
  let nested = true;
  const onTagEnd = (): void => {
    const top = open.at(-1);
    if (top && VOID.has(top.name)) open.pop();
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      open.push({ name: html.slice(start, end).toLowerCase(), start: start - 1 });
    },
    onattribname(start, end) {
      attribute = html.slice(start, end).toLowerCase();
      if (attribute === 'data-pagefind-body' && body === -1) body = open.length;
      else if (attribute === 'data-pagefind-ignore' && body > 0 && ignored < 0) {
        ignored = open.length;
        const at = open.at(-1)!.start;
        parts.push(html.slice(copied, at));
        copied = at;
      }
    },
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onopentagend: onTagEnd,
    onselfclosingtag: onTagEnd,
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (VOID.has(name)) return;
      if (open.at(-1)?.name !== name) {
        nested = false;
        return;
      }
      if (open.length === ignored) {
        // The end tag's '>' is at the first '>' after its name.
        copied = html.indexOf('>', end) + 1 || html.length;
        ignored = -1;
      }
      if (open.length === body) {
        const at = start - 2;
        parts.push(html.slice(copied, at), wordsElement(words));
        copied = at;
        body = -2;
      }
      open.pop();
    },
    ontext(start, end) {
      if (body < 0 || ignored >= 0 || RAW_TEXT.has(open.at(-1)?.name ?? '')) return;
      const text = html.slice(start, end);
      IDEOGRAPH.lastIndex = 0;
      if (!IDEOGRAPH.test(text)) return;
      parts.push(html.slice(copied, start), text.replace(IDEOGRAPH, '$& '));
      copied = end;
    },
    ontextentity() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  if (!nested || open.length > 0 || body > 0) return null;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** What searchCopy makes, from htmlparser2's parser, for any page. */
export function copyByParser(html: string, words: string[]): string {
  const parts: string[] = [];
  let copied = 0;
  const open: string[] = [];
  /** How deep the searchable body is in the open elements (-1 before it, -2 after it). */
  let body = -1;
  /** How deep the part being left out is (-1 when none is). */
  let ignored = -1;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (body === -1 && attributes['data-pagefind-body'] !== undefined) body = open.length;
        else if (body > 0 && ignored < 0 && attributes['data-pagefind-ignore'] !== undefined) {
          ignored = open.length;
          parts.push(html.slice(copied, parser.startIndex));
          copied = parser.startIndex;
        }
      },
      onclosetag() {
        if (open.length === ignored) {
          copied = Math.min(parser.endIndex + 1, html.length);
          ignored = -1;
        }
        if (open.length === body) {
          // The words go last in the searchable body, before its end tag (or the page's end).
          const at = Math.min(parser.startIndex, html.length);
          parts.push(html.slice(copied, at), wordsElement(words));
          copied = at;
          body = -2;
        }
        open.pop();
      },
      ontext(text) {
        IDEOGRAPH.lastIndex = 0;
        if (body < 0 || ignored >= 0 || RAW_TEXT.has(open.at(-1) ?? '') || !IDEOGRAPH.test(text)) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        parts.push(html.slice(copied, start), html.slice(start, end).replace(IDEOGRAPH, '$& '));
        copied = end;
      },
    },
    // Entities are left as they are (a third faster): the pages are ours, and Nunjucks writes Chinese characters as they are.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (ignored < 0) parts.push(html.slice(copied));
  return parts.join('');
}

function wordsElement(words: string[]): string {
  const safe = words.filter((word) => /^[a-z0-9-]+$/i.test(word));
  return safe.length > 0 ? `<p>${safe.join(' ')}</p>` : '';
}
