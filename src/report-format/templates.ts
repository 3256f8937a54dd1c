/**
 * The two official templates of the annual report, by the year of the State Council office's
 * notice that set them: what a reader is told a report was filled in on.
 */
import type { Template } from '../schema/report.ts';

export const TEMPLATE_NAMES: Readonly<Record<Template, string>> = {
  '2019': '2019年版（国办公开办函〔2019〕60号）',
  '2021': '2021年版（国办公开办函〔2021〕30号）',
};
