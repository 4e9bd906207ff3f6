import { DomainError } from '../../platform/errors.ts';
import type { DemandRow } from './demands.repo.ts';

/** 状态名, for messages that say where an item stands. */
export const STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  received: { zh: '待受理', en: 'awaiting acceptance' },
  accepted: { zh: '已受理，待派单', en: 'accepted, awaiting dispatch' },
  dispatched: { zh: '已派单，待签收', en: 'dispatched, awaiting the department' },
  handling: { zh: '办理中', en: 'being handled' },
  replied: { zh: '已答复', en: 'replied' },
  closed: { zh: '已办结', en: 'closed' },
  rejected: { zh: '不予受理', en: 'not accepted' },
  merged: { zh: '已并入其他诉求', en: 'merged into another item' },
};

/** 409: the item is not in a state for this step (or it follows the item it was merged into). */
export function wrongDemandStatus(row: Pick<DemandRow, 'status' | 'mergedIntoId'>): DomainError {
  const label = STATUS_LABELS[row.mergedIntoId ? 'merged' : row.status] ?? { zh: row.status, en: row.status };
  return new DomainError('demand_wrong_status', 409, { state: label.zh, stateEn: label.en });
}
