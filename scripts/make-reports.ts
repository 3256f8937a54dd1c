/**
 * npm run make-reports -- <count> <folder>
 *
 * Writes <count> distinct reports into <folder>, made from the sample reports in reports/: half
 * saved web pages, half text reports, each copy under its own agency name (a numbered county put
 * before the agency's name everywhere it appears), so every copy is a different agency and year
 * and each generated agency has the same run of years as the sample it came from. Used by the
 * build benchmark; also a quick way to try the portal at scale.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportBytes } from '../src/parse-report.ts';

const DIGITS = '零一二三四五六七八九';
const chineseNumber = (n: number) => [...String(n)].map((digit) => DIGITS[Number(digit)]).join('');

interface Sample {
  name: string;
  text: string;
  agency: string;
  year: number;
  extension: string;
}

async function loadSamples(folder: string, extension: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith(extension)).sort()) {
    const bytes = readFileSync(join(folder, name));
    const report = await parseReportBytes(join(folder, name), bytes);
    samples.push({ name, text: bytes.toString('utf8'), agency: report.agency.name, year: report.year, extension });
  }
  return samples;
}

/** The n-th copy of a sample: the agency renamed everywhere, so the copy is its own agency. */
function copyOf(sample: Sample, variant: number): { name: string; text: string } {
  const agency = `样本${chineseNumber(variant)}县${sample.agency}`;
  return { name: `${sample.year}-${agency}${sample.extension}`, text: sample.text.replaceAll(sample.agency, agency) };
}

export async function makeReports(count: number, folder: string, samplesFolder = 'reports'): Promise<number> {
  const texts = await loadSamples(samplesFolder, '.txt');
  const pages = await loadSamples(samplesFolder, '.html');
  mkdirSync(folder, { recursive: true });
  const sets = [texts, pages].filter((set) => set.length > 0);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // Alternate text and web page; within each kind, every sample once per variant.
    const set = sets[i % sets.length]!;
    const index = Math.floor(i / sets.length);
    const copy = copyOf(set[index % set.length]!, Math.floor(index / set.length));
    writeFileSync(join(folder, copy.name), copy.text);
    bytes += Buffer.byteLength(copy.text);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '100', folder = '.cache/generated-reports'] = process.argv.slice(2);
  const bytes = await makeReports(Number(count), folder);
  process.stdout.write(`${count} reports (${(bytes / 1024 / 1024).toFixed(1)} MB) written to ${folder}/\n`);
}
