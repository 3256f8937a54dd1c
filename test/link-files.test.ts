/**
 * Linking the files of the last build into the new one (src/publish/link-files.ts): the pages a
 * build does not render again are linked in libuv's thread pool while Eleventy renders the others.
 * Every file arrives as a hard link in its folder, a link left by an earlier run is replaced, and a
 * failure is reported once every link in flight has ended.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, linkFilesAsync } from '../src/publish/link-files.ts';
import { temporaryFolder } from './temporary-folder.ts';

describe('linking many files in the thread pool', () => {
  it('links every file into its folder, the folders made as needed, and again over the links of an earlier run', async () => {
    const root = temporaryFolder('gongkai-links-');
    mkdirSync(join(root, 'from'));
    const pairs: Array<[string, string]> = [];
    for (let n = 0; n < 200; n++) {
      writeFileSync(join(root, 'from', `${n}.html`), `page ${n}`);
      // Pages of one agency share its folder, each year a folder of its own (as /agencies/<slug>/<year>/).
      pairs.push([join(root, 'from', `${n}.html`), join(root, 'to', 'agencies', `a${n % 9}`, `${2019 + (n % 7)}-${n}`, 'index.html')]);
    }
    await linkFilesAsync(pairs);
    for (const [from, to] of pairs) {
      expect(readFileSync(to, 'utf8')).toBe(readFileSync(from, 'utf8'));
      expect(statSync(to).ino).toBe(statSync(from).ino);
    }
    // A link there already is replaced by the new one.
    writeFileSync(join(root, 'other.html'), 'another page');
    const [first] = pairs;
    await linkFilesAsync([[join(root, 'other.html'), first![1]], ...pairs.slice(1)]);
    expect(readFileSync(first![1], 'utf8')).toBe('another page');
  });

  it('rejects when a file cannot be linked or copied, after the links in flight have ended', async () => {
    const root = temporaryFolder('gongkai-links-');
    mkdirSync(join(root, 'from'));
    const pairs: Array<[string, string]> = [];
    for (let n = 0; n < 50; n++) {
      writeFileSync(join(root, 'from', `${n}`), `${n}`);
      pairs.push([join(root, 'from', `${n}`), join(root, 'to', `${n}`, 'index.html')]);
    }
    pairs.splice(10, 0, [join(root, 'from', 'missing'), join(root, 'to', 'missing', 'index.html')]);
    await expect(linkFilesAsync(pairs)).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(root, 'to', 'missing', 'index.html'))).toBe(false);
    // The others that were made are whole files, and nothing is written after the failure is reported.
    const linked = pairs.filter(([, to]) => existsSync(to));
    for (const [from, to] of linked) expect(readFileSync(to, 'utf8')).toBe(readFileSync(from, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pairs.filter(([, to]) => existsSync(to))).toHaveLength(linked.length);
  });
});

describe('copying the project’s own files into the site', () => {
  it('copies a file or a folder’s files, not links to them, so that editing the project does not edit a built site', () => {
    const root = temporaryFolder('gongkai-copy-');
    mkdirSync(join(root, 'assets', 'icons'), { recursive: true });
    writeFileSync(join(root, 'assets', 'site.css'), 'body {}');
    writeFileSync(join(root, 'assets', 'icons', 'a.svg'), '<svg/>');
    copyTree(join(root, 'assets'), join(root, 'site', 'assets'));
    copyTree(join(root, 'assets', 'site.css'), join(root, 'site', 'data', 'copy.css'));
    expect(readFileSync(join(root, 'site', 'assets', 'icons', 'a.svg'), 'utf8')).toBe('<svg/>');
    expect(readFileSync(join(root, 'site', 'data', 'copy.css'), 'utf8')).toBe('body {}');
    expect(statSync(join(root, 'site', 'assets', 'site.css')).ino).not.toBe(statSync(join(root, 'assets', 'site.css')).ino);
  });
});
