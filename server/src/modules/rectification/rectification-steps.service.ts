import type { z } from 'zod';
import {
  detailMessage,
  type RectificationAbilities,
  type RectificationAssignBody,
  type RectificationReturnBody,
  type RectificationRevisitBody,
  type RectificationSubmitBody,
  type RectificationVerifyBody,
  type TimeLimitKind,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { seal } from '../../platform/crypto/sealed.ts';
import { newId } from '../../platform/ids.ts';
import { DomainError, invalid, notFound, versionConflict } from '../../platform/errors.ts';
import { departmentHeadPersonId, peopleBasics } from '../org/index.ts';
import { moveTimer, stopTimer } from '../time-limits/index.ts';
import { rectificationRepo, type RectificationRow } from './rectification.repo.ts';
import { needsRevisitFirst, rectificationPolicy, STEP_FROM, type RectificationAccess } from './rectification.policy.ts';
import { stepNotNow } from './rectification.rules.ts';
import { addEvent } from './rectification-events.ts';
import { tellOfAssignment, tellOfReturn } from './rectification-notices.ts';

/**
 * The steps of an item (整改): assign (部门负责人指派整改人), submit (情况说明或整改结果), verify (核实办结),
 * return (退回整改), revisit (回访). Each checks sight (404), right (403), state (409 rectification_state)
 * and version (409 version_conflict), in that order, then writes the item, its history and its audit
 * record in one transaction.
 */

export type Item = RectificationRow & RectificationAccess;
type Step = keyof RectificationAbilities;
const POLICY_ACTION = { assign: 'assign', submit: 'submit', verify: 'verify', return: 'verify', revisit: 'verify' } as const;

/** The item with who heads its department now (the rules need both). */
export async function loadItem(db: Executor, id: string): Promise<Item | null> {
  const row = await rectificationRepo.byId(db, id);
  return row ? { ...row, headPersonId: await departmentHeadPersonId(db, row.departmentId) } : null;
}

async function step(
  ctx: Ctx,
  id: string,
  name: Step,
  version: number,
  work: (tx: TxCtx, before: Item) => Promise<{ patch: Partial<RectificationRow>; effects?: (after: Item) => Promise<unknown> }>,
): Promise<Item> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadItem(tx.db, id);
    if (!before) throw notFound();
    rectificationPolicy.assert(tx.actor!, POLICY_ACTION[name], before);
    if (!(STEP_FROM[name] as readonly string[]).includes(before.status)) throw stepNotNow(before.status, name);
    if (version !== before.version) throw versionConflict();
    const { patch, effects } = await work(tx, before);
    if (!(await rectificationRepo.update(tx.db, id, before.version, patch))) throw versionConflict();
    const after: Item = { ...before, ...patch, version: before.version + 1 };
    const { headPersonId: _h, ...beforeRow } = before;
    const { headPersonId: _a, ...afterRow } = after;
    await recordAudit(tx, {
      action: `rectification.${name}`,
      entityType: 'rectification',
      entityId: id,
      before: beforeRow,
      after: afterRow,
    });
    if (effects) await effects(after);
    return after;
  });
}

/** 指派: the head hands the item to a person at work in its department; the timer follows the owner. */
export function assignOwner(ctx: Ctx, id: string, body: z.output<typeof RectificationAssignBody>) {
  return step(ctx, id, 'assign', body.version, async (tx, before) => {
    const person = (await peopleBasics(tx.db, [body.ownerPersonId])).get(body.ownerPersonId);
    if (!person || person.departmentId !== before.departmentId || person.status !== 'active')
      throw invalid([{ path: 'body.ownerPersonId', message: detailMessage('rectification_owner_outside', tx.lang) }]);
    return {
      patch: { ownerPersonId: person.id },
      effects: async (after) => {
        await moveTimer(tx, before.limitKind as TimeLimitKind, id, { departmentId: before.departmentId, ownerPersonId: person.id });
        await addEvent(tx, id, 'assign', { ownerPersonId: person.id });
        await tellOfAssignment(tx, after);
      },
    };
  });
}

/** 报送: an explanation or the fix, with an evidence note and where the evidence is kept. */
export function submitRectification(ctx: Ctx, id: string, body: z.output<typeof RectificationSubmitBody>) {
  return step(ctx, id, 'submit', body.version, async (tx) => ({
    patch: {
      status: 'submitted',
      resolution: body.resolution,
      resolutionNote: body.note,
      attachmentRef: body.attachmentRef ?? null,
      submittedAt: iso(tx.clock.now()),
    },
    effects: () => addEvent(tx, id, 'submit', { note: body.note, attachmentRef: body.attachmentRef ?? null }),
  }));
}

/** 核实办结: the office signs the answer off; the timer stops. A bad review must be revisited first. */
export function verifyRectification(ctx: Ctx, id: string, body: z.output<typeof RectificationVerifyBody>) {
  return step(ctx, id, 'verify', body.version, async (tx, before) => {
    if (needsRevisitFirst(before)) throw new DomainError('rectification_revisit_first', 409);
    return {
      patch: { status: 'verified', closedAt: iso(tx.clock.now()) },
      effects: async () => {
        await stopTimer(tx, before.limitKind as TimeLimitKind, id);
        await addEvent(tx, id, 'verify', { note: body.note ?? null });
      },
    };
  });
}

/** 退回整改: back to the owner with the reason; the deadline stands. */
export function returnRectification(ctx: Ctx, id: string, body: z.output<typeof RectificationReturnBody>) {
  return step(ctx, id, 'return', body.version, async (tx) => ({
    patch: { status: 'returned' },
    effects: async (after) => {
      await addEvent(tx, id, 'return', { note: body.reason });
      await tellOfReturn(tx, after, body.reason);
    },
  }));
}

/**
 * 回访: the office asks whoever raised it whether the answer served them — after the department has
 * submitted, dated no later than today and no earlier than the submission. Whom they reached is
 * sealed at rest. The item counts as 已回访 from the first record on.
 */
export function revisitRectification(ctx: Ctx, config: Config, id: string, body: z.output<typeof RectificationRevisitBody>) {
  return step(ctx, id, 'revisit', body.version, async (tx, before) => {
    const today = shanghaiDate(tx.clock.now());
    const submittedOn = before.submittedAt ? shanghaiDate(new Date(before.submittedAt)) : null;
    if (body.revisitedOn > today)
      throw invalid([{ path: 'body.revisitedOn', message: detailMessage('revisit_date_future', tx.lang, { today }) }]);
    if (submittedOn && body.revisitedOn < submittedOn)
      throw invalid([
        { path: 'body.revisitedOn', message: detailMessage('revisit_date_before_submission', tx.lang, { date: submittedOn }) },
      ]);
    const actor = tx.actor!;
    await rectificationRepo.addRevisit(tx.db, {
      id: newId(),
      rectificationId: id,
      revisitedOn: body.revisitedOn,
      way: body.way,
      contactNameSealed: body.contactName ? seal(config, body.contactName) : null,
      contactPhoneSealed: body.contactPhone ? seal(config, body.contactPhone) : null,
      outcome: body.outcome,
      note: body.note ?? null,
      byUserId: actor.via === 'system' ? null : actor.userId,
      byName: actor.name,
      createdAt: iso(tx.clock.now()),
    });
    return { patch: { revisited: 1 }, effects: () => addEvent(tx, id, 'revisit', { note: body.note ?? null }) };
  });
}
