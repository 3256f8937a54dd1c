/**
 * Information-processing fees (信息处理费), which the 2021 template asks agencies to report in
 * part 6: fee notices sent, the amount notified and the amount collected. Only what a sentence
 * states becomes a number; anything the report does not state stays null.
 */
import type { Block, Fees } from '../schema/report.ts';
import { looksLikeValue, parseCell } from '../report-format/numbers.ts';
import type { LocatedTable } from '../structure/find-sections.ts';
import { readValue, type ValueContext } from './read-values.ts';
import { lineOrNull } from '../diagnostics/line-label.ts';

const AMOUNT = '([0-9０-９.,，]+\\s*(?:万元|元|万)?)';
const NOTICES = new RegExp(`发出收费通知(?:的)?(?:件数|数量)?(?:为|是|共)?\\s*([0-9０-９]+)\\s*(?:件|份|次)`);
const NOTIFIED = new RegExp(`(?:收费通知|通知)(?:的)?总金额(?:为|是)?\\s*${AMOUNT}`);
const COLLECTED = new RegExp(`实际收取(?:的)?(?:总)?(?:金额|费用|信息(?:公开)?处理费)(?:为|是|共)?\\s*${AMOUNT}`);
/** “发出收费通知的件数和总金额以及实际收取的总金额均为0” */
const ALL_ZERO = /收费通知[^。]*?(?:实际收取[^。]*?)?均为\s*(?:0|零)/;
const NONE_SENT = /未(?:发出|下发|发送)(?:过)?(?:任何)?收费通知/;
const NONE_COLLECTED = /(?:未|没有|无)(?:产生|收取|收缴)(?:过)?(?:任何)?(?:信息(?:公开)?处理费|费用)/;

function amountYuan(text: string | undefined): number | null {
  if (text === undefined) return null;
  const parsed = parseCell(text, 'yuan');
  return parsed.kind === 'number' ? parsed.value : null;
}

const FEE_COLUMNS = [
  { key: 'noticesSent', pattern: /件数|份数/, label: '发出收费通知的件数' },
  { key: 'amountNotifiedYuan', pattern: /通知.*金额|应收/, label: '收费通知的总金额' },
  { key: 'amountCollectedYuan', pattern: /实际.*金额|实收/, label: '实际收取的总金额' },
] as const;

/**
 * Some agencies report the fees as a small table (通知收取件数, 通知收取金额（元）, 实际收取金额（元）)
 * instead of a sentence. Its values take precedence over the prose.
 */
function feesFromTables(tables: LocatedTable[], fees: Fees, context: ValueContext): void {
  for (const table of tables) {
    const header = table.rows.find((row) => row.some((cell) => FEE_COLUMNS.some((c) => c.pattern.test(cell.label))));
    const data = table.rows.find((row) => row !== header && row.some((cell) => cell.text !== '') && row.every((cell) => looksLikeValue(cell.text)));
    if (!header || !data) continue;
    header.forEach((cell, index) => {
      const column = FEE_COLUMNS.find((c) => c.pattern.test(cell.label));
      const value = data[index];
      if (!column || !value) return;
      const path = `fees.${column.key}`;
      if (column.key === 'noticesSent') {
        fees.noticesSent = readValue(value, path, 'count', `信息处理费·${column.label}`, context);
        return;
      }
      // A bare amount is in the unit its header names (通知收取金额（元）or（万元）); the record is in yuan.
      const unit = /万元/.test(cell.label) ? '万元' : '元';
      fees[column.key] = readValue(value, path, 'yuan', `信息处理费·${column.label}`, context, unit);
    });
    fees.line = lineOrNull(data[0]?.line) ?? fees.line;
  }
}

export function extractFees(blocks: Block[], tables: LocatedTable[] = [], context?: ValueContext): Fees {
  const fees: Fees = {
    noticesSent: null,
    amountNotifiedYuan: null,
    amountCollectedYuan: null,
    statement: null,
    line: null,
  };
  const statements: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'table') continue;
    for (const sentence of block.text.split(/(?<=[。；;])/)) {
      if (!/收费|处理费|收取/.test(sentence)) continue;
      let stated = false;
      if (ALL_ZERO.test(sentence)) {
        fees.noticesSent = 0;
        fees.amountNotifiedYuan = 0;
        if (/实际收取/.test(sentence)) fees.amountCollectedYuan = 0;
        stated = true;
      }
      const notices = NOTICES.exec(sentence);
      if (notices) {
        const parsed = parseCell(notices[1]!, 'count');
        if (parsed.kind === 'number') fees.noticesSent = parsed.value;
        stated = true;
      } else if (NONE_SENT.test(sentence)) {
        fees.noticesSent = 0;
        stated = true;
      }
      const notified = NOTIFIED.exec(sentence);
      if (notified && !ALL_ZERO.test(sentence)) {
        fees.amountNotifiedYuan = amountYuan(notified[1]);
        stated = true;
      }
      const collected = COLLECTED.exec(sentence);
      if (collected && !ALL_ZERO.test(sentence)) {
        fees.amountCollectedYuan = amountYuan(collected[1]);
        stated = true;
      } else if (NONE_COLLECTED.test(sentence) && fees.amountCollectedYuan === null) {
        fees.amountCollectedYuan = 0;
        stated = true;
      }
      if (stated) statements.push({ ...block, text: sentence.trim() });
    }
  }
  if (statements.length > 0) {
    fees.statement = statements.map((s) => s.text).join('');
    fees.line = statements[0]!.line;
  }
  if (context && tables.length > 0) feesFromTables(tables, fees, context);
  return fees;
}
