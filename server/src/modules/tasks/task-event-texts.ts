import type { FiveCharGrade, WarningColor } from '@qinlian/contracts';

/**
 * What the system writes on a task's history (任务记录), in zh-CN (`text`, what documents and
 * exports quote) and en-US (`textEn`, what the English console shows). Whatever a person typed —
 * a reason, a note, a milestone's name — is carried inside both as typed.
 */
export type EventText = { text: string; textEn: string };

const COLOUR: Record<WarningColor, [string, string]> = {
  none: ['无', 'none'],
  blue: ['蓝色', 'blue'],
  yellow: ['黄色', 'yellow'],
  red: ['红色', 'red'],
};

export type EscalationLevelName = 'handler' | 'department_head' | 'leader';
export const LEVEL_LABEL: Record<EscalationLevelName, [string, string]> = {
  handler: ['承办人', 'handler'],
  department_head: ['牵头部门负责人', 'head of the lead department'],
  leader: ['分管领导', 'leader in charge'],
};

/** 预警: the stored colour changed. */
export const warningText = (from: WarningColor, to: WarningColor): EventText => ({
  text: `预警：${COLOUR[from][0]} → ${COLOUR[to][0]}`,
  textEn: `Warning: ${COLOUR[from][1]} → ${COLOUR[to][1]}`,
});

/** 系统自动催办 on a yellow or red task. */
export const autoUrgeText = (colour: 'yellow' | 'red'): EventText => ({
  text: `系统自动催办（${colour === 'red' ? '红灯' : '黄灯'}）`,
  textEn: `Urged automatically (${colour} light)`,
});

/** 升级督办 after a red spell of `days` working days. */
export const escalationText = (days: number, level: EscalationLevelName): EventText => ({
  text: `红灯持续 ${days} 个工作日，升级督办至${LEVEL_LABEL[level][0]}`,
  textEn: `Red for ${days} working days; escalated to the ${LEVEL_LABEL[level][1]}`,
});

/** 延期申请 with the reason as typed. */
export const extensionRequestText = (from: string, to: string, reason: string): EventText => ({
  text: `申请将完成时限由 ${from} 延至 ${to}：${reason}`,
  textEn: `Asks to move the due date from ${from} to ${to}: ${reason}`,
});

/** 延期审批: granted (the original due date kept) or refused, with the office's comment as typed. */
export const extensionDecisionText = (grant: boolean, to: string, original: string | null, comment: string): EventText =>
  grant
    ? {
        text: `同意延期至 ${to}（原定 ${original}）${comment ? `：${comment}` : ''}`,
        textEn: `Extension to ${to} granted (originally due ${original})${comment ? `: ${comment}` : ''}`,
      }
    : { text: `不同意延期至 ${to}：${comment}`, textEn: `Extension to ${to} refused: ${comment}` };

/** A pending request that lapsed when the task was closed. */
export const extensionLapseText = (to: string): EventText => ({
  text: `延至 ${to} 的延期申请随销号作废`,
  textEn: `The request to extend to ${to} lapsed when the task was closed`,
});

/** 时间节点 done or reopened: its name as typed, and the date it was planned for. */
export const milestoneText = (name: string, dueDate: string): EventText => ({
  text: `${name}（计划 ${dueDate}）`,
  textEn: `${name} (planned ${dueDate})`,
});

/** 分办 to a post (with whoever acts on it) or to a person, with the note as typed. */
export function dispatchText(to: { post: string; acting: string | null } | { person: string }, note: string): EventText {
  const base: EventText =
    'post' in to
      ? {
          text: `分办给岗位“${to.post}”${to.acting ? `（${to.acting}）` : ''}`,
          textEn: `Dispatched to the post "${to.post}"${to.acting ? ` (${to.acting})` : ''}`,
        }
      : { text: `分办给 ${to.person}`, textEn: `Dispatched to ${to.person}` };
  return note ? { text: `${base.text}：${note}`, textEn: `${base.textEn}: ${note}` } : base;
}

const GRADE_LABELS: [keyof FiveCharGrade, string, string][] = [
  ['zhun', '准', 'Understood'],
  ['kuai', '快', 'Fast'],
  ['shi', '实', 'Solid'],
  ['nong', '浓', 'Publicised'],
  ['xian', '显', 'Visible effect'],
];

/** 五字要求 评定: 准3 快4 实5 浓4 显3. */
export const gradeText = (grade: FiveCharGrade): EventText => ({
  text: GRADE_LABELS.map(([k, zh]) => `${zh}${grade[k] ?? '—'}`).join(' '),
  textEn: GRADE_LABELS.map(([k, , en]) => `${en} ${grade[k] ?? '—'}`).join(', '),
});
