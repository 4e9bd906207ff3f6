import type { z } from 'zod';
import { detailMessage, type RectificationCreateBody, type RectificationQuery } from '@qinlian/contracts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { newId } from '../../platform/ids.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { inDepartmentScope } from '../../platform/policy/policy.ts';
import { departmentHeadPersonId, peopleBasics, usableDepartment } from '../org/index.ts';
import { rectificationRepo, type RectificationFilter, type RectificationHandler } from './rectification.repo.ts';
import { rectificationPolicy, STEP_FROM } from './rectification.policy.ts';
import { loadItem, type Item } from './rectification-steps.service.ts';
import { openItem } from './rectification-sources.service.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;

/**
 * 登记: the office opens an item by hand (source 'other': a finding that has no module of its own
 * yet), for a department it sees, optionally about one of its people and with its own deadline
 * (not before today; by default the rectification rule's working days).
 */
export async function openByHand(ctx: Ctx, body: z.output<typeof RectificationCreateBody>): Promise<Item> {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    if (!actor.permissions.has('rectification.verify')) throw forbidden();
    const dept = await usableDepartment(tx, body.departmentId, 'body.departmentId');
    if (!inDepartmentScope(actor, dept.id)) throw notFound(); // a unit beyond the verifier's scope reads as absent
    const fields: { path: string; message: string }[] = [];
    const today = shanghaiDate(tx.clock.now());
    if (body.personId) {
      const person = (await peopleBasics(tx.db, [body.personId])).get(body.personId);
      if (!person || person.departmentId !== dept.id)
        fields.push({ path: 'body.personId', message: detailMessage('rectification_person_outside', tx.lang) });
    }
    if (body.dueOn && body.dueOn < today)
      fields.push({ path: 'body.dueOn', message: detailMessage('rectification_due_past', tx.lang, { today }) });
    if (fields.length) throw invalid(fields);
    const id = newId();
    const row = await openItem(tx, {
      id,
      source: 'other',
      sourceId: id,
      departmentId: dept.id,
      personId: body.personId ?? null,
      title: body.title,
      detail: body.detail,
      limitKind: 'rectification',
      dueOn: body.dueOn,
    });
    return (await loadItem(tx.db, row.id))!;
  });
}

/** An item the actor may see; 404 otherwise. */
export async function getRectification(ctx: Ctx, id: string): Promise<Item> {
  const item = await loadItem(ctx.db, id);
  if (!item) throw notFound();
  rectificationPolicy.assertVisible(actorOf(ctx), item);
  return item;
}

/**
 * 待整改 for the actor: what the submit rule lets them answer — owned by them, or of their department
 * while unowned or when they head it (org's departmentHeadPersonId) — in the states a submission
 * starts from. null for an account that handles none (no rectification.handle, or no person).
 */
export async function handlerOf(db: Executor, a: Actor): Promise<RectificationHandler | null> {
  if (!a.permissions.has('rectification.handle') || !a.personId) return null;
  const heads = a.departmentId !== null && (await departmentHeadPersonId(db, a.departmentId)) === a.personId;
  return { personId: a.personId, departmentId: a.departmentId, heads, statuses: STEP_FROM.submit };
}

/** The departments the actor's data scope covers; null: all. */
export const scopeOf = (a: Actor) => (a.scope.all ? null : [...a.scope.departmentIds]);

/** Items the actor's data scope covers, by status, department, source, overdue and revisited; with per-status counts. */
export async function listRectifications(ctx: Ctx, q: z.output<typeof RectificationQuery>) {
  const a = actorOf(ctx);
  const today = shanghaiDate(ctx.clock.now());
  const f: RectificationFilter = {
    departmentIds: scopeOf(a),
    status: q.status,
    departmentId: q.departmentId,
    source: q.source,
    revisited: q.revisited === undefined ? undefined : q.revisited === 'true',
    overdueBefore: q.overdue === 'true' ? today : undefined,
    notOverdueFrom: q.overdue === 'false' ? today : undefined,
    handler: q.desk === 'handle' ? await handlerOf(ctx.db, a) : undefined,
  };
  const [page, overdue] = await Promise.all([
    rectificationRepo.page(ctx.db, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    rectificationRepo.overdueCount(ctx.db, f, today),
  ]);
  const counts: Record<string, number> = { open: 0, submitted: 0, returned: 0, verified: 0, withdrawn: 0 };
  for (const s of page.byStatus) counts[s.status] = s.n;
  counts.all = page.byStatus.reduce((n, s) => n + s.n, 0);
  counts.overdue = overdue;
  return { items: page.items, total: page.total, counts };
}
