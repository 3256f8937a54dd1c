/**
 * Part 4, review and litigation, as the template descriptions define it: three groups of five
 * outcomes, printed in this order as one row of fifteen numbers (alike in every template).
 */
import { sharedByAll } from './shared.ts';

export const REVIEW_GROUPS = sharedByAll('the review and litigation groups', (template) => template.reviewLitigation.groups);
export const REVIEW_OUTCOMES = sharedByAll('the review and litigation outcomes', (template) => template.reviewLitigation.outcomes);
