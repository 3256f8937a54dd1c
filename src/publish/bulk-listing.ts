/**
 * How the bulk files are listed, with their sizes and SHA-256 checksums (and those of their .gz
 * copies): in SHA256SUMS, in the bulk README and on the data page. The page and the README group
 * them as a reader looks for them: everything in one zip, the files of all years with a row per
 * report (one file per table), each year's large files, and the files that describe the rest.
 */

/** A bulk file is given a .gz copy from this size on: below it, gzip saves a reader nothing worth a second file. */
export const GZIP_FROM = 4096;

export type DownloadGroup = 'all' | 'tables' | 'years' | 'about';

export interface ListedFile {
  name: string;
  title: string;
  description: string;
  group: DownloadGroup;
  /** The year of a year's file, null for the others. */
  year: number | null;
  bytes: number;
  sha256: string;
  /** The .gz copy beside it, if it has one. */
  gzip: { name: string; bytes: number; sha256: string } | null;
  /** Published only as its .gz copy, on the portal and in the zip: see PieceFileSpec.compressedOnly. */
  compressedOnly: boolean;
}

/** A bulk file as checksums.json keeps it for the data page. */
export type ChecksumEntry = ListedFile;

/** SHA256SUMS: every file the bulk folder publishes and every .gz copy, as `sha256sum -c` reads it there. */
export function sha256sums(files: readonly ListedFile[]): string {
  return (
    files
      .flatMap((file) => [...(file.compressedOnly ? [] : [`${file.sha256}  ${file.name}`]), ...(file.gzip ? [`${file.gzip.sha256}  ${file.gzip.name}`] : [])])
      .join('\n') + '\n'
  );
}

export interface ListingGroup {
  /** A stable id for the page's anchors: all, tables, year-2023, about. */
  id: string;
  title: string;
  /** The title in English, for the bulk README. */
  english: string;
  /** What the group's files have in common, in Chinese. */
  note: string;
  files: ListedFile[];
}

/** The files in groups, in the order a reader looks for them; a table for each year. */
export function listingGroups(files: readonly ListedFile[]): ListingGroup[] {
  const of = (group: DownloadGroup) => files.filter((file) => file.group === group);
  const years = [...new Set(of('years').map((file) => file.year!))].sort((a, b) => b - a);
  const groups: ListingGroup[] = [
    { id: 'all', title: '全部数据', english: 'Everything in one file', note: '下列全部文件打包为一个 zip 文件：只提供 gzip 压缩版本的文件在 zip 中也是 .gz，其余文件不含 .gz 副本。', files: of('all') },
    {
      id: 'tables',
      title: '各年度合并的表格',
      english: 'All years, one file per table',
      note: '每份报告一行（findings 为每个问题一行），包含全部年度。values 文件中的报告信息见 reports.csv，行列名称和单位见 labels.csv。',
      files: of('tables'),
    },
    ...years.map((year) => ({
      id: `year-${year}`,
      title: `${year}年度`,
      english: `Statistics year ${year}`,
      note: `统计年度为 ${year} 年的报告：每行一份记录（JSON Lines），以及每个数值一行的 CSV，均只提供 gzip 压缩版本。`,
      files: of('years').filter((file) => file.year === year),
    })),
    { id: 'about', title: '说明文件', english: 'What describes the files', note: '各 CSV 文件的字段、类型、单位、主键和关联（Frictionless 数据包），以及英文说明。', files: of('about') },
  ];
  return groups.filter((group) => group.files.length > 0);
}
