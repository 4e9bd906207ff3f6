import type { PlannedAbsenceKind, PlannedAbsenceStatus, WhereaboutsState } from '@qinlian/contracts';

/** How states read in notices and error messages (the console has its own dictionaries). */
export const STATE_LABELS: Record<WhereaboutsState, { zh: string; en: string }> = {
  in_office: { zh: '在岗', en: 'in the office' },
  meeting: { zh: '开会', en: 'in a meeting' },
  out: { zh: '外出办事', en: 'out on business' },
  trip: { zh: '出差', en: 'on a business trip' },
  leave: { zh: '请休假', en: 'on leave' },
  training: { zh: '学习培训', en: 'in training' },
};

export const KIND_LABELS: Record<PlannedAbsenceKind, { zh: string; en: string }> = {
  leave: { zh: '请休假', en: 'leave' },
  trip: { zh: '出差', en: 'business trip' },
  training: { zh: '学习培训', en: 'training' },
};

export const ABSENCE_STATUS_LABELS: Record<PlannedAbsenceStatus, { zh: string; en: string }> = {
  scheduled: { zh: '尚未开始', en: 'has not begun' },
  active: { zh: '正在进行', en: 'is under way' },
  ended: { zh: '已经结束', en: 'has ended' },
  cancelled: { zh: '已经撤销', en: 'was cancelled' },
};

/** An instant as people in Shanghai read it: 2026-12-08 09:00. */
export function shanghaiMinute(instant: string): string {
  const d = new Date(Date.parse(instant) + 8 * 3_600_000); // Asia/Shanghai has no daylight saving
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
