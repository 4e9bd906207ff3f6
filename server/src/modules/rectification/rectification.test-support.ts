import { expect } from 'vitest';
import type { InboxItem, Permission, Rectification, RectificationPage } from '@qinlian/contracts';
import type { Session, TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser } from '../../../test/factories.ts';

/** What the rectification API tests share: a unit with its head and staff, and short calls. */

export const HANDLING: Permission[] = ['rectification.read', 'rectification.handle'];
export const VERIFYING: Permission[] = ['rectification.read', 'rectification.verify'];

/**
 * A department with its head (局长) and a member, each with an account that may handle its 整改;
 * `member()` adds another. (Sign-ins are limited to 30 a minute per address: tests keep accounts few.)
 */
export async function buildUnit(t: TestApp) {
  const dept = await buildDepartment(t);
  const member = async (title = '科员') => {
    const person = await buildPerson(t, { departmentId: dept.id, title });
    const { session } = await buildSignedInUser(t, { permissions: HANDLING, dataScope: 'dept', personId: person.id });
    return { person, session };
  };
  return { dept, head: await member('局长'), staff: await member(), member };
}

export async function call(s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return s.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function detailOf(s: Session, id: string): Promise<Rectification> {
  const res = await call(s, 'GET', `/api/rectifications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Rectification;
}

export async function listOf(s: Session, query = ''): Promise<RectificationPage> {
  const res = await call(s, 'GET', `/api/rectifications?pageSize=200${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RectificationPage;
}

/** The kinds of notice `s` received about item `id`. */
export async function noticesOf(s: Session, id: string) {
  const res = await call(s, 'GET', '/api/inbox?pageSize=200');
  return (res.json().items as InboxItem[]).filter((i) => i.entityId === id).map((i) => i.kind);
}

/** A step that must succeed: the item as it is afterwards. */
export async function stepOk(s: Session, id: string, step: string, payload: object): Promise<Rectification> {
  const res = await call(s, 'POST', `/api/rectifications/${id}/${step}`, payload);
  expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
  return res.json() as Rectification;
}
