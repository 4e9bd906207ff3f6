import type { RectificationAbilities, RectificationSource } from '@qinlian/contracts';
import { DomainError } from '../../platform/errors.ts';

/** ZG-2026-0001: 整改 of the year, numbered in the order they were opened. */
export const rectificationCode = (year: number, n: number) => `ZG-${year}-${String(n).padStart(4, '0')}`;

const STATE: Record<string, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'is open' },
  submitted: { zh: '已报送、待核实', en: 'has been submitted' },
  returned: { zh: '已退回整改', en: 'was returned' },
  verified: { zh: '已办结', en: 'has been verified' },
  withdrawn: { zh: '已撤销', en: 'was withdrawn' },
};

const STEP: Record<keyof RectificationAbilities, { zh: string; en: string }> = {
  assign: { zh: '指派整改人', en: 'assigned' },
  submit: { zh: '报送', en: 'submitted' },
  verify: { zh: '核实办结', en: 'verified' },
  return: { zh: '退回', en: 'returned' },
  revisit: { zh: '回访', en: 'revisited' },
};

/** 409: the item is not in a state this step starts from (the message names both). */
export function stepNotNow(status: string, step: keyof RectificationAbilities) {
  const s = STATE[status] ?? { zh: status, en: `is ${status}` };
  return new DomainError('rectification_state', 409, { state: s.zh, stateEn: s.en, action: STEP[step].zh, actionEn: STEP[step].en });
}

/** How a source reads in a notice (zh-CN, en-US). */
export const SOURCE_LABELS: Record<RectificationSource, { zh: string; en: string }> = {
  bad_review: { zh: '差评整改', en: 'bad review' },
  demand_review: { zh: '诉求差评整改', en: 'bad rating of a public demand' },
  inspection: { zh: '督查发现问题', en: 'inspection finding' },
  spot_check: { zh: '台账抽查问题', en: 'spot-check finding' },
  other: { zh: '整改事项', en: 'rectification item' },
};

/** A front-door caller's title and detail as stored: trimmed and held to the console's limits (text as given, HTML too). */
export function fitText(title: string, detail: string, source: RectificationSource) {
  return {
    title: title.trim().slice(0, 200) || SOURCE_LABELS[source].zh,
    detail: detail.trim().slice(0, 4000),
  };
}
