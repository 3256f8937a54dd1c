/**
 * The copy of a page that Pagefind indexes (the published page is never changed).
 *
 * Pagefind cuts Chinese into words twice, differently: when it indexes, with jieba (行政复议 one
 * word), and when a reader searches, in the browser, with Intl.Segmenter (行政|复|议). A query
 * then finds only the pages where both happened to cut alike: 行政复议 found 2 of the 45 pages
 * that contain it, and a phrase copied from a report found nothing. So the copy it indexes has a
 * space before and after every Chinese character, making each a word of its own on both sides:
 * the search page puts the same spaces into the query and, for a query of one run of text, asks
 * for the characters in that order (Pagefind's exact phrase), which finds the pages that contain
 * the text, as a reader expects (templates/assets/search.js, which also takes the spaces out of
 * the results it shows).
 *
 * The words being cut already, the index is made in a language Pagefind has no segmenter for
 * (pagefind-parts.ts: jieba took two thirds of its time to find the same one-character words).
 * Without jieba nothing else cuts a character from what touches it, hence the space before each
 * too: "51.85%；不予公开" would otherwise hold the word "51.85%；不", and 不予公开 not be found.
 * CJK punctuation and full-width forms (，。；（）…) stay with the character they touch: Pagefind
 * takes punctuation out of a word, but a word of punctuation alone would take a place of its own
 * in the index and none in a query, so that no phrase copied across a comma would be found.
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

/** An ideograph of the CJK blocks (unified, extension A, compatibility). */
const IDEOGRAPH = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
/** CJK punctuation (。、《》【】…) and the full-width punctuation (，；：（）％…; not the full-width digits and letters). */
const CJK_MARKS = '[\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65]*';
/** A word of its own in the copy: an ideograph with the marks that touch it. */
const CJK_WORD = new RegExp(`${CJK_MARKS}${IDEOGRAPH}${CJK_MARKS}`, 'g');
const HAS_IDEOGRAPH = new RegExp(IDEOGRAPH);
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

/**
 * The copy, written as a reader of the page (the tokenizer or the parser) reports its elements
 * and texts: what is copied as it is, what is left out and where the words go.
 */
class SearchCopy {
  private readonly parts: string[] = [];
  private copied = 0;
  /** How deep the searchable body is among the open elements (-1 before it, -2 after it). */
  private body = -1;
  /** How deep the part being left out is (-1 when none is). */
  private ignored = -1;

  constructor(
    private readonly html: string,
    private readonly words: string[],
  ) {}

  /** An element opened at `start`, `depth` deep, with these attributes of note. */
  opened(depth: number, start: number, searchable: boolean, leftOut: boolean): void {
    if (this.body === -1 && searchable) this.body = depth;
    else if (this.body > 0 && this.ignored < 0 && leftOut) {
      this.ignored = depth;
      this.copyTo(start);
    }
  }

  /** The element `depth` deep closed: its end tag is html[endTagStart, endTagEnd). */
  closed(depth: number, endTagStart: number, endTagEnd: number): void {
    if (depth === this.ignored) {
      this.copied = Math.min(endTagEnd, this.html.length);
      this.ignored = -1;
    }
    if (depth === this.body) {
      // The words go last in the searchable body, before its end tag (or the page's end).
      this.copyTo(Math.min(endTagStart, this.html.length));
      this.parts.push(wordsElement(this.words));
      this.body = -2;
    }
  }

  /** Text at html[start, end), in an element named `parent`. */
  text(start: number, end: number, parent: string): void {
    if (this.body < 0 || this.ignored >= 0 || RAW_TEXT.has(parent)) return;
    const text = this.html.slice(start, end);
    if (!HAS_IDEOGRAPH.test(text)) return;
    this.copyTo(start);
    this.parts.push(text.replace(CJK_WORD, ' $& '));
    this.copied = end;
  }

  /** Whether the searchable body was opened and never closed. */
  get unfinished(): boolean {
    return this.body > 0;
  }

  finish(): string {
    if (this.ignored < 0) this.copyTo(this.html.length);
    return this.parts.join('');
  }

  private copyTo(at: number): void {
    this.parts.push(this.html.slice(this.copied, at));
    this.copied = at;
  }
}

/** What searchCopy makes, from the tokenizer's calls; null where the page's tags do not nest. */
export function copyByTokens(html: string, words: string[]): string | null {
  const copy = new SearchCopy(html, words);
  const open: Array<{ name: string; start: number }> = [];
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
      const attribute = html.slice(start, end).toLowerCase();
      copy.opened(open.length, open.at(-1)!.start, attribute === 'data-pagefind-body', attribute === 'data-pagefind-ignore');
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
      // The end tag runs from its '</' to the first '>' after its name.
      copy.closed(open.length, start - 2, html.indexOf('>', end) + 1 || html.length);
      open.pop();
    },
    ontext(start, end) {
      copy.text(start, end, open.at(-1)?.name ?? '');
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
  return nested && open.length === 0 && !copy.unfinished ? copy.finish() : null;
}

/** What searchCopy makes, from htmlparser2's parser, for any page. */
export function copyByParser(html: string, words: string[]): string {
  const copy = new SearchCopy(html, words);
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        copy.opened(open.length, parser.startIndex, attributes['data-pagefind-body'] !== undefined, attributes['data-pagefind-ignore'] !== undefined);
      },
      onclosetag() {
        copy.closed(open.length, parser.startIndex, parser.endIndex + 1);
        open.pop();
      },
      ontext() {
        copy.text(parser.startIndex, parser.endIndex + 1, open.at(-1) ?? '');
      },
    },
    // Entities are left as they are (a third faster): the pages are ours, and Nunjucks writes Chinese characters as they are.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return copy.finish();
}

function wordsElement(words: string[]): string {
  const safe = words.filter((word) => /^[a-z0-9-]+$/i.test(word));
  return safe.length > 0 ? `<p>${safe.join(' ')}</p>` : '';
}
