import type { TaskStatus } from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { DomainError, forbidden, versionConflict } from '../../platform/errors.ts';
import { ACTION_LABELS, allowedActions, STATUS_LABELS, transitionFor, type Side, type Step, type Transition } from './task-lifecycle.ts';
import { sidesOf, type TaskAccess } from './tasks.policy.ts';
import type { TaskRow } from './tasks.repo.ts';

/** 409: not a step from this status, with the steps this actor may take now. */
export function illegalStep(status: TaskStatus, action: Step, sides: ReadonlySet<Side>) {
  return new DomainError(
    'illegal_transition',
    409,
    {
      status: STATUS_LABELS[status].zh,
      action: ACTION_LABELS[action].zh,
      statusEn: STATUS_LABELS[status].en,
      actionEn: ACTION_LABELS[action].en,
    },
    undefined,
    allowedActions(status, sides),
  );
}

/**
 * A step that keeps the status (分办, 延期申请, 延期审批) checked against the life-cycle table:
 * 409 when the task's status has no such step, 403 when it is the other side's, 409 on a stale version.
 */
export function assertStep(actor: Actor, row: TaskRow, access: TaskAccess, action: Step, version: number): Transition {
  const status = row.status as TaskStatus;
  const sides = sidesOf(actor, access);
  const step = transitionFor(status, action);
  if (!step) throw illegalStep(status, action, sides);
  if (!sides.has(step.who)) throw forbidden();
  if (version !== row.version) throw versionConflict();
  return step;
}
