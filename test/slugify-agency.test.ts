/** Agency slugs: pinyin words broken after the administrative units, stable, and nothing of markup. */
import { describe, expect, it } from 'vitest';
import { slugifyAgency } from '../src/extract/slugify-agency.ts';

describe('an agency’s slug', () => {
  it('is the name’s pinyin, a word after each administrative unit and after 街道', () => {
    expect(slugifyAgency('南关区自强街道办事处')).toBe('nanguanqu-ziqiangjiedao-banshichu');
    expect(slugifyAgency('平潭综合实验区金井片区管理局')).toBe('pingtanzongheshiyanqu-jinjingpianqu-guanliju');
    expect(slugifyAgency('XX区12345热线办公室')).toBe('xx-qu-12345-rexianbangongshi');
  });

  it('leaves out markup typed into the name, which the pages show as text', () => {
    expect(slugifyAgency('南关区<b>民政局</b>')).toBe(slugifyAgency('南关区民政局'));
    expect(slugifyAgency('南关区<script>alert(1)</script>民政局')).toBe('nanguanqu-alert-1-minzhengju');
    // A < that opens no tag is kept as the name has it (and then dropped as punctuation).
    expect(slugifyAgency('南关区<民政局>')).toBe('nanguanqu-minzhengju');
  });

  it('is never empty', () => {
    expect(slugifyAgency('<b></b>')).toBe('agency');
  });
});
