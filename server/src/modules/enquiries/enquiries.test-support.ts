import { expect } from 'vitest';
import type { EnquiryDetail, InboxItem, Permission } from '@qinlian/contracts';
import type { Session, TestApp } from '../../../test/harness.ts';
import { buildDepartment, buildPerson, buildSignedInUser } from '../../../test/factories.ts';
import { systemCtx } from '../../bootstrap.ts';
import { inTransaction } from '../../platform/context.ts';
import { setPresence } from '../org/index.ts';

/** The built-in roles' enquiry rights (identity BUILTIN_ROLES): staff handle, heads handle and read, leaders read. */
export const STAFF: Permission[] = ['enquiries.handle'];
export const HEAD: Permission[] = ['enquiries.handle', 'enquiries.read'];
export const READER: Permission[] = ['enquiries.read'];

export type Member = { personId: string; name: string; session: Session };

/** Someone of `departmentId` with an account holding `permissions` over `dataScope`. */
export async function member(
  t: TestApp,
  departmentId: string,
  permissions: Permission[] = STAFF,
  opts: { title?: string; dataScope?: 'dept' | 'dept_and_below' | 'all' } = {},
): Promise<Member> {
  const person = await buildPerson(t, { departmentId, title: opts.title ?? '科员' });
  const { session } = await buildSignedInUser(t, { permissions, dataScope: opts.dataScope ?? 'dept', personId: person.id });
  return { personId: person.id, name: person.name, session };
}

/** A unit at the enquiry desk: its head (局长, department and below) and two staff members. */
export async function enquiryUnit(t: TestApp) {
  const dept = await buildDepartment(t);
  const head = await member(t, dept.id, HEAD, { title: '局长', dataScope: 'dept_and_below' });
  const staff = await member(t, dept.id);
  const colleague = await member(t, dept.id);
  return { dept, head, staff, colleague };
}

/** Away (外出) or back, as the whereabouts board sets it through org's front door. */
export const setAway = (t: TestApp, personId: string, away: boolean) =>
  inTransaction(systemCtx({ ...t.db }, t.clock), (tx) => setPresence(tx, personId, !away));

export const ENQUIRER = { name: '王小明', contact: '13812345678' };

/** Registered through the API by `s`, who owns it. */
export async function register(s: Session, over: Record<string, unknown> = {}): Promise<EnquiryDetail> {
  const res = await s.request({
    method: 'POST',
    url: '/api/enquiries',
    payload: {
      channel: 'visitor',
      enquirerName: ENQUIRER.name,
      enquirerContact: ENQUIRER.contact,
      subject: '咨询营业执照办理流程',
      body: '来访群众咨询个体工商户营业执照需要哪些材料。',
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as EnquiryDetail;
}

export async function detail(s: Session, id: string, status = 200): Promise<EnquiryDetail> {
  const res = await s.request({ method: 'GET', url: `/api/enquiries/${id}` });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as EnquiryDetail;
}

/** POST an action; the response for the caller to check. */
export const act = (s: Session, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
  s.request({ method: 'POST', url: `/api/enquiries/${url}`, payload, headers });

export async function listIds(s: Session, query: string): Promise<string[]> {
  const res = await s.request({ method: 'GET', url: `/api/enquiries?${query}&pageSize=200` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
}

/** The kinds of notices this person received about one enquiry. */
export async function noticeKinds(s: Session, enquiryId: string): Promise<string[]> {
  const items = (await s.request({ method: 'GET', url: '/api/inbox?pageSize=200' })).json().items as InboxItem[];
  return items.filter((i) => i.entityId === enquiryId).map((i) => i.kind);
}
