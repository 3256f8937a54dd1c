/**
 * Decoding a report's bytes. Chinese government files are often not UTF-8: UTF-8 with or without
 * a byte-order mark, UTF-16 (either byte order, with or without a mark) and GB18030 (which
 * includes GBK and GB2312) are read; the detected encoding is recorded.
 */
import { isUtf8 } from 'node:buffer';
import { ReportError } from '../diagnostics/report-error.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Bytes of an incomplete UTF-8 character at the very end (a truncated file), left out. */
  incompleteTail: number;
}

/** One decoder for UTF-8, which is checked before it is decoded: making a decoder costs a fifth of decoding a page. */
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function decode(bytes: Uint8Array, encoding: Encoding, skip = 0): string | undefined {
  // isUtf8 accepts exactly what a fatal UTF-8 decoder decodes without an error.
  if (encoding === 'utf-8') return isUtf8(bytes.subarray(skip)) ? utf8Decoder.decode(bytes.subarray(skip)) : undefined;
  try {
    // ignoreBOM: the mark, where there is one, is skipped explicitly below.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return undefined;
  }
}

/** Without a mark, UTF-16 shows itself by NUL bytes: ASCII (tabs, digits, newlines) has a zero high byte. */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  let even = 0;
  let odd = 0;
  const limit = Math.min(bytes.length, 4096);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return undefined;
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 if none). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
  }
  return 0;
}

/** A control character other than tab, newline, carriage return and form feed: binary data. */
const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;

/**
 * Whether the bytes of a file in UTF-8 or GB18030 hold a control character: in both, a byte below
 * 0x20 or 0x7F is only ever that ASCII character (no multi-byte sequence has one), so the bytes
 * tell as the text would, faster. Four bytes are looked at together: a word in which no byte is
 * below 0x20 or equal to 0x7F (the bit tricks may say so of a word where it is not so, never the
 * other way) is passed over, and only the others are read byte by byte.
 */
function controlByte(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let index = 0;
  const head = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  for (; index < head; index++) if (isControl(bytes[index]!)) return true;
  const count = (length - index) >>> 2;
  if (count > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + index, count);
    for (let word = 0; word < count; word++) {
      const value = words[word]!;
      const del = value ^ 0x7f7f7f7f;
      if ((((value - 0x20202020) & ~value) | ((del - 0x01010101) & ~del)) & 0x80808080) {
        const at = index + word * 4;
        if (isControl(bytes[at]!) || isControl(bytes[at + 1]!) || isControl(bytes[at + 2]!) || isControl(bytes[at + 3]!)) return true;
      }
    }
    index += count * 4;
  }
  for (; index < length; index++) if (isControl(bytes[index]!)) return true;
  return false;
}

/**
 * Where the first control character is (-1 if none). A loop, as a regular expression's character
 * class takes twice as long over a page.
 */
function firstControlCharacter(text: string): number {
  for (let index = 0; index < text.length; index++) if (isControl(text.charCodeAt(index))) return index;
  return -1;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  let result: DecodedText | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode(bytes, 'utf-8', 3);
    if (text !== undefined) result = { text, encoding: 'utf-8', bom: true, incompleteTail: 0 };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decode(bytes, 'utf-16le', 2);
    if (text !== undefined) result = { text, encoding: 'utf-16le', bom: true, incompleteTail: 0 };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decode(bytes, 'utf-16be', 2);
    if (text !== undefined) result = { text, encoding: 'utf-16be', bom: true, incompleteTail: 0 };
  } else {
    const utf16 = guessUtf16(bytes);
    const candidates: Encoding[] = utf16 ? [utf16] : ['utf-8', 'gb18030'];
    for (const encoding of candidates) {
      let text = decode(bytes, encoding);
      let incompleteTail = 0;
      if (text === undefined && encoding === 'utf-8') {
        // A UTF-8 file cut short in the middle of a character is still UTF-8, not GB18030.
        incompleteTail = incompleteUtf8Tail(bytes);
        if (incompleteTail > 0) text = decode(bytes.subarray(0, bytes.length - incompleteTail), 'utf-8');
      }
      if (text !== undefined) {
        result = { text, encoding, bom: false, incompleteTail };
        break;
      }
    }
  }

  if (!result) {
    throw new ReportError(
      'unreadable-encoding',
      '无法识别文件的字符编码：应为 UTF-8、UTF-16 或 GB18030/GBK 编码的文本',
      1,
    );
  }
  const text = result.text.includes('\r') ? result.text.replace(/\r\n?/g, '\n') : result.text;
  const singleByteAscii = result.encoding === 'utf-8' || result.encoding === 'gb18030';
  const binary = singleByteAscii && !controlByte(bytes) ? -1 : firstControlCharacter(text);
  if (binary >= 0) {
    const line = text.slice(0, binary).split('\n').length;
    throw new ReportError(
      'binary-content',
      `文件含有控制字符（U+${text.charCodeAt(binary).toString(16).padStart(4, '0').toUpperCase()}），不是文本文件：应为报告的文本`,
      line,
    );
  }
  return { ...result, text };
}
