import type { InjectOptions } from 'fastify';
import { buildDepartment, buildTask } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { transitionTask } from '../../src/modules/tasks/task-actions.service.ts';
import { requestExtension } from '../../src/modules/tasks/task-extension.service.ts';
import type { Expect, Row } from './authz-matrix.ts';
import type { RoleName, World } from './world.ts';

/**
 * The matrix rows of the department's own steps on a task (issue 12), spread into MATRIX
 * (authz-matrix.ts): 分办, 延期申请 and its approval, 协办报送, 部门审核. Columns as there:
 * anonymous, admin, office, deptHead, staff, token. In this world no department has a head
 * (部门负责人: nobody holds a head's post or title), so 分办 is refused to everyone signed in.
 */
const E = (anonymous: number, admin: number, office: number, deptHead: number, staff: number, token: number): Expect =>
  ({ anonymous, admin, office, deptHead, staff, token }) satisfies Record<RoleName, number>;
const ctx = (w: World) => systemCtx(w.t.db, w.t.clock);

/** an accepted task led by `leadDepartmentId`, optionally with one cooperating department */
async function acceptedTask(w: World, leadDepartmentId: string, cooperatingDepartmentIds: string[] = []) {
  const row = await buildTask(w.t, { leadDepartmentId, cooperatingDepartmentIds });
  const assigned = await transitionTask(ctx(w), row.id, { action: 'assign', version: row.version });
  return transitionTask(ctx(w), row.id, { action: 'accept', version: assigned.version });
}

export const TASK_WORKFLOW_ROWS: Record<string, Row> = {
  'POST /api/tasks/:id/dispatch': {
    // the head of the lead department only (tasks.handle on the route); here nobody is a head
    request: async (w, s): Promise<InjectOptions> => {
      const t = await acceptedTask(w, w.deptOf(s).id);
      const person = await w.make.person(s);
      return { method: 'POST', url: `/api/tasks/${t.id}/dispatch`, payload: { version: t.version, personId: person.id } };
    },
    in: E(401, 403, 403, 403, 403, 403),
    out: E(401, 403, 403, 404, 404, 404),
  },
  'POST /api/tasks/:id/extensions': {
    // the handling department (tasks.handle over the lead department)
    request: async (w, s) => {
      const t = await acceptedTask(w, w.deptOf(s).id);
      return {
        method: 'POST',
        url: `/api/tasks/${t.id}/extensions`,
        payload: { version: t.version, dueDate: '2026-12-30', reason: '需协调第三方' },
      };
    },
    in: E(401, 200, 403, 200, 200, 200),
    out: E(401, 200, 403, 404, 404, 404),
  },
  'POST /api/tasks/:id/extensions/decision': {
    // the office (plan.manage)
    request: async (w, s) => {
      const t = await acceptedTask(w, w.deptOf(s).id);
      const asked = await requestExtension(ctx(w), t.id, { version: t.version, dueDate: '2026-12-30', reason: '需协调第三方' });
      return { method: 'POST', url: `/api/tasks/${t.id}/extensions/decision`, payload: { version: asked.version, grant: true } };
    },
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
  'POST /api/tasks/:id/cooperation/:departmentId/report': {
    // a cooperating department in scope reports on its own sub-item: "in" cooperates from A1 on a task led by B
    request: async (w, s) => {
      const coop = s === 'in' ? w.deptOf('in') : await buildDepartment(w.t, { parentId: w.deptB.id });
      const t = await acceptedTask(w, w.deptB.id, [coop.id]);
      return {
        method: 'POST',
        url: `/api/tasks/${t.id}/cooperation/${coop.id}/report`,
        payload: { version: t.version, percent: 50, comment: '配合部分已完成' },
      };
    },
    in: E(401, 200, 403, 200, 200, 200),
    out: E(401, 200, 403, 404, 404, 404),
  },
  'PUT /api/tasks/department-review/:id': {
    // the office over the department, or its own head (nobody here)
    request: async (w, s) => ({ method: 'PUT', url: `/api/tasks/department-review/${w.deptOf(s).id}`, payload: { review: true } }),
    in: E(401, 200, 200, 403, 403, 403),
    out: E(401, 200, 200, 403, 403, 403),
  },
};
