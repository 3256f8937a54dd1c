/**
 * Information-processing fees (信息处理费), which the 2021 template asks agencies to report in
 * part 6: fee notices sent, the amount notified and the amount collected. Only what a sentence
 * states becomes a number; anything the report does not state stays null.
 */
import type { Block, Fees } from '../schema/report.ts';
import { parseCell } from '../report-format/numbers.ts';

const AMOUNT = '([0-9０-９.,，]+\\s*(?:万元|元|万)?)';
const NOTICES = new RegExp(`发出收费通知(?:的)?(?:件数|数量)?(?:为|是|共)?\\s*([0-9０-９]+)\\s*(?:件|份|次)`);
const NOTIFIED = new RegExp(`(?:收费通知|通知)(?:的)?总金额(?:为|是)?\\s*${AMOUNT}`);
const COLLECTED = new RegExp(`实际收取(?:的)?(?:总)?(?:金额|费用)(?:为|是)?\\s*${AMOUNT}`);
/** “发出收费通知的件数和总金额以及实际收取的总金额均为0” */
const ALL_ZERO = /收费通知[^。]*?(?:实际收取[^。]*?)?均为\s*(?:0|零)/;
const NONE_SENT = /未(?:发出|下发|发送)(?:过)?(?:任何)?收费通知/;
const NONE_COLLECTED = /未(?:收取|收缴)(?:任何)?(?:信息处理费|费用)/;

function amountYuan(text: string | undefined): number | null {
  if (text === undefined) return null;
  const cleaned = text.replace(/，/g, ',').replace(/\s+/g, '');
  const parsed = parseCell(/[元万]$/.test(cleaned) ? cleaned : `${cleaned}元`, 'yuan');
  return parsed.kind === 'number' ? parsed.value : null;
}

export function extractFees(blocks: Block[]): Fees {
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
      if (!/收费|信息处理费|收取/.test(sentence)) continue;
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
  return fees;
}
