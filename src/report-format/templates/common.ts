/**
 * The parts both official templates print alike: the applications matrix's applicant columns,
 * its rows up to （五）不予处理, and the review and litigation table. A template that changes one
 * of them writes its own in its description instead.
 */
import { matrixGroup, matrixRow, type CountColumn, type ProactiveColumn } from '../describe.ts';
import type { CellKind } from '../numbers.ts';

/** A part-2 column, in the description files' shorthand. */
export const column = <K extends string>(
  key: K,
  label: string,
  meaning: string,
  pattern: RegExp,
  kind: CellKind = 'count',
  more: Partial<Pick<ProactiveColumn, 'textKey' | 'textMeaning' | 'role'>> = {},
): ProactiveColumn & { key: K } => ({ key, label, meaning, pattern, kind, ...more });

export const APPLICANTS = [
  { key: 'naturalPerson', label: '自然人', meaning: 'natural persons' },
  { key: 'commercialEnterprise', label: '商业企业', over: '法人或其他组织', meaning: 'commercial enterprises' },
  { key: 'researchInstitution', label: '科研机构', over: '法人或其他组织', meaning: 'research institutions' },
  { key: 'socialWelfareOrganization', label: '社会公益组织', over: '法人或其他组织', meaning: 'social welfare organisations' },
  { key: 'legalServiceInstitution', label: '法律服务机构', over: '法人或其他组织', meaning: 'legal service institutions' },
  { key: 'otherOrganization', label: '其他', over: '法人或其他组织', meaning: 'other legal persons or organisations' },
  { key: 'total', label: '总计', meaning: 'total as printed in the report (not recomputed)' },
] as const satisfies readonly CountColumn[];

/** 一 and 二, the applications received and carried over. */
export const RECEIVED = {
  newReceived: matrixRow('一', '一、本年新收政府信息公开申请数量', 'applications received this year', /本年新收/),
  carriedOver: matrixRow('二', '二、上年结转政府信息公开申请数量', 'carried over from last year', /上年结转/),
};

/** （一） to （五） of 三、本年度办理结果. */
export const RESULTS = {
  granted: matrixRow('一', '（一）予以公开', 'granted in full', /^予以公开$/),
  partialGrant: matrixRow(
    '二', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'granted in part (counted only here)', /^部分公开/,
  ),
  denied: matrixGroup('三', '（三）不予公开', 'denied', /^不予公开$/, {
    stateSecret: matrixRow('1', '1.属于国家秘密', 'state secret', /国家秘密/),
    lawForbidden: matrixRow('2', '2.其他法律行政法规禁止公开', 'forbidden by other laws and regulations', /禁止公开/),
    safetyStability: matrixRow('3', '3.危及“三安全一稳定”', 'endangers security or stability', /三安全一稳定|危及/),
    thirdPartyRights: matrixRow('4', '4.保护第三方合法权益', 'protects a third party’s lawful rights', /第三方/),
    internalAffairs: matrixRow('5', '5.属于三类内部事务信息', 'internal affairs', /内部事务|内容事务|三类内/),
    processInfo: matrixRow('6', '6.属于四类过程性信息', 'process information', /过程性/),
    enforcementCase: matrixRow('7', '7.属于行政执法案卷', 'administrative enforcement files', /执法案卷/),
    adminQuery: matrixRow('8', '8.属于行政查询事项', 'administrative query matters', /查询事项/),
  }),
  unableToProvide: matrixGroup('四', '（四）无法提供', 'unable to provide', /^无法提供$/, {
    noInfo: matrixRow('1', '1.本机关不掌握相关政府信息', 'the agency does not hold the information', /不掌握/),
    needCreation: matrixRow('2', '2.没有现成信息需要另行制作', 'would have to be newly created', /另行制作|现成信息/),
    unclear: matrixRow('3', '3.补正后申请内容仍不明确', 'request still unclear after correction', /不明确/),
  }),
  notProcessed: matrixGroup('五', '（五）不予处理', 'not processed', /^不予处理$/, {
    complaint: matrixRow('1', '1.信访举报投诉类申请', 'petitions, reports and complaints', /信访|举报|投诉/),
    repeat: matrixRow('2', '2.重复申请', 'repeated applications', /^重复申请$/),
    publication: matrixRow('3', '3.要求提供公开出版物', 'asks for published material', /出版物/),
    massiveRequests: matrixRow('4', '4.无正当理由大量反复申请', 'massive repeated applications without good reason', /大量反复/),
    confirmInfo: matrixRow(
      '5', '5.要求行政机关确认或重新出具已获取信息', 'asks to confirm or reissue information already obtained', /确认|重新出具/,
    ),
  }),
};

/** （七）总计 of 三, and 四、结转下年度继续办理. */
export const RESULTS_TOTAL = matrixRow('七', '（七）总计', 'total handled this year', /^总计$/);
export const CARRIED_FORWARD = matrixRow('四', '四、结转下年度继续办理', 'carried forward to next year', /结转下年度?/);

/** The heading of 三 and its gloss, for a template's own 三. */
export const RESULTS_HEADING = ['三', '三、本年度办理结果', 'how applications were handled this year', /^本年度?办理结果$/] as const;

export const REVIEW_LITIGATION = {
  groups: [
    { key: 'review', label: '行政复议', meaning: 'administrative review' },
    { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉', meaning: 'litigation without prior review' },
    { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉', meaning: 'litigation after review' },
  ],
  outcomes: [
    { key: 'upheld', label: '结果维持', meaning: 'decision upheld' },
    { key: 'corrected', label: '结果纠正', meaning: 'decision corrected' },
    { key: 'other', label: '其他结果', meaning: 'other outcome' },
    { key: 'pending', label: '尚未审结', meaning: 'not yet concluded' },
    { key: 'total', label: '总计', meaning: 'total as printed in the report' },
  ],
} as const;
