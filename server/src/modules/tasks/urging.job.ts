import { WarningThresholds } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { calendarFor } from '../../platform/calendar/calendar.service.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { escalationTargets, recordTaskNotice, refreshWarnings, tasksForAutoUrging } from './urging.service.ts';
import { getPlan } from '../plan/index.ts';
import { tasksRepo } from './tasks.repo.ts';
import { accessOf } from './task-views.service.ts';
import { escalationRecipients, noticeRecipients } from './task-notices.service.ts';
import { autoUrgeText, escalationText, LEVEL_LABEL } from './task-event-texts.ts';

/**
 * 自动催办与升级督办. After the colours are refreshed, every open yellow or red task's handler is
 * urged once per (task, colour, since when); a task red for `escalateAfterWorkingDays` working
 * days is escalated one level — department head, then after as many again the leader in charge —
 * each level once per red spell. Every urging and escalation is a task event and an audit record,
 * committed with its notification. Run again, it adds nothing (the dedupe keys already exist).
 */
type AutoUrgeCandidate = Awaited<ReturnType<typeof tasksForAutoUrging>>[number];
export type UrgingSummary = { changed: number; urged: number; escalated: number };

export async function urgeAndEscalate(ctx: Ctx): Promise<UrgingSummary> {
  const changes = await refreshWarnings(ctx);
  const candidates = await tasksForAutoUrging(ctx);
  const calendar = await calendarFor(ctx.db);
  const today = shanghaiDate(ctx.clock.now());
  const escalateAfter = new Map<string, number>();
  const summary: UrgingSummary = { changed: changes.length, urged: 0, escalated: 0 };
  for (const t of candidates) {
    if (!t.warningSince) continue;
    if (!escalateAfter.has(t.planId)) {
      const plan = await getPlan(ctx, t.planId);
      escalateAfter.set(t.planId, WarningThresholds.parse(JSON.parse(plan.thresholds)).escalateAfterWorkingDays);
    }
    // working days the colour has held, not counting the day it turned
    const held = Math.max(0, calendar.workingDaysBetween(shanghaiDate(new Date(t.warningSince)), today) - 1);
    const levels = t.warning === 'red' ? Math.floor(held / escalateAfter.get(t.planId)!) : 0;
    await inTransaction(ctx, async (tx) => {
      const row = await tasksRepo.byId(tx.db, t.taskId);
      if (!row) return;
      const access = await accessOf(tx.db, row);
      // the handler when they can act on it, else the department's stand-ins; nobody: kept as undeliverable
      const handling = await noticeRecipients(tx, row, access, 'handler');
      const urged = await notify(tx, {
        ...urgeMessage(t, handling.personIds),
        undeliverable: handling.undeliverable,
        actingFor: handling.actingFor,
      });
      if (urged.inbox > 0) {
        await recordTaskNotice(tx, { taskId: t.taskId, kind: 'urge', ...autoUrgeText(t.warning) });
        summary.urged++;
      }
      if (levels === 0) return;
      const above = (await escalationTargets(tx, t.taskId)).filter((x) => x.level !== 'handler');
      for (const target of above.slice(0, levels)) {
        const reaching = await escalationRecipients(tx, access, target);
        const r = await notify(tx, {
          kind: 'task.escalate',
          // only someone who can open the task (a link that answers "no permission" helps nobody); a head who cannot, through stand-ins
          recipientPersonIds: reaching.personIds,
          undeliverable: reaching.undeliverable,
          title: `【升级督办】${t.code} ${t.title}`,
          body: `任务“${t.title}”已亮红灯 ${held} 个工作日（截止日期 ${t.dueDate}），按规定升级提请${LEVEL_LABEL[target.level][0]}督促落实。`,
          en: {
            title: `[Escalated] ${t.code} ${t.title}`,
            body: `The task "${t.title}" has been red for ${held} working days (due ${t.dueDate}); as the rules require, it goes to the ${LEVEL_LABEL[target.level][1]} to see it through.`,
          },
          link: `/tasks/${t.taskId}`,
          entityType: 'task',
          entityId: t.taskId,
          dedupeKey: `task-escalate:${t.taskId}:${t.warningSince}:${target.level}`,
        });
        if (r.inbox > 0) {
          await recordTaskNotice(tx, { taskId: t.taskId, kind: 'escalate', ...escalationText(held, target.level) });
          summary.escalated++;
        }
      }
    });
  }
  return summary;
}

function urgeMessage(t: AutoUrgeCandidate, personIds: string[]) {
  const red = t.warning === 'red';
  return {
    kind: `task.warning.${t.warning}` as const,
    recipientPersonIds: personIds,
    title: red ? `【督办预警·红灯】${t.code} ${t.title} 已逾期` : `【督办预警·黄灯】${t.code} ${t.title}`,
    body: red
      ? `任务“${t.title}”已超过截止日期 ${t.dueDate}，请立即推进并报送进展。`
      : `任务“${t.title}”进度滞后或临近截止（截止日期 ${t.dueDate}），请抓紧推进并及时报送进展。`,
    en: red
      ? {
          title: `[Red warning] ${t.code} ${t.title} is overdue`,
          body: `The task "${t.title}" is past its deadline ${t.dueDate}. Please act now and report progress.`,
        }
      : {
          title: `[Yellow warning] ${t.code} ${t.title}`,
          body: `The task "${t.title}" is behind schedule or nearly due (due ${t.dueDate}). Please push it forward and report progress.`,
        },
    link: `/tasks/${t.taskId}`,
    entityType: 'task',
    entityId: t.taskId,
    // once per colour spell: the same task turning red again later is urged again
    dedupeKey: `task-warning:${t.taskId}:${t.warning}:${t.warningSince}`,
  };
}

/** 预警刷新与自动催办: daily at 08:30, and hourly through the working day. */
export const taskWarningsJob = defineJob({
  kind: 'task-warnings',
  schedule: [
    { cron: '30 8 * * *' }, // daily 08:30 Asia/Shanghai
    { cron: '0 9-17 * * 1-5', catchUpMs: 3_600_000 }, // hourly 09:00–17:00, Monday to Friday
  ],
  maxAttempts: 3,
  backoff: { baseMs: 5 * 60_000, factor: 2 },
  leaseMs: 30 * 60_000,
  async handler(ctx) {
    await urgeAndEscalate(ctx);
  },
});
