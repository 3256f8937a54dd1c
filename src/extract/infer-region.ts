/**
 * The region an agency name states at its start: 长春市南关区新春街道办事处 → 长春市 › 南关区.
 * Only the leading province, city and district are read; an editor can declare a region in
 * reports/agencies.yml where the name does not say it.
 */
const LEVELS = [/^[\u4e00-\u9fff]{2,8}?(?:省|自治区)/, /^[\u4e00-\u9fff]{2,8}?(?:市|自治州|州|盟)/, /^[\u4e00-\u9fff]{2,10}?(?:区|县|旗)(?![域])/];

export function inferRegion(name: string): string[] {
  const region: string[] = [];
  let rest = name;
  for (const level of LEVELS) {
    const match = level.exec(rest);
    if (!match) continue;
    region.push(match[0]);
    rest = rest.slice(match[0].length);
  }
  // A name that is only a place (南关区) is the agency itself, not its region.
  return rest.length > 0 ? region : region.slice(0, -1);
}
