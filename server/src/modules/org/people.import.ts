import { detailMessage, type DetailCode, type ImportReport, type PersonStatus } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { readSheet, type SheetRow as SheetRowOf } from '../../platform/documents/xlsx.ts';
import type { ImportReading } from '../../platform/documents/import-jobs.ts';
import { peopleAccounts } from './people-accounts.port.ts';
import { departmentsWithFullNames } from './departments.service.ts';
import type { DepartmentRow } from './departments.repo.ts';
import { insertPerson, type NewPerson } from './people.service.ts';
import { peopleRepo } from './people.repo.ts';
import { PEOPLE_COLUMNS } from './people.export.ts';
import { accountPolicy, canAddPersonTo } from './org.policy.ts';

export const MAX_IMPORT_ROWS = 5000;

const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;
// 外出 is no status to import: the whereabouts board (去向牌) sets it
const STATUS: Record<string, PersonStatus> = { 在岗: 'active', 离职: 'left', active: 'active', left: 'left' };

/** The columns the import reads (AB岗 is shown by the export only). */
const IMPORT_COLUMNS = {
  name: PEOPLE_COLUMNS.name,
  phone: PEOPLE_COLUMNS.phone,
  department: PEOPLE_COLUMNS.department,
  title: PEOPLE_COLUMNS.title,
  status: PEOPLE_COLUMNS.status,
  username: PEOPLE_COLUMNS.username,
};
type SheetRow = SheetRowOf<keyof typeof IMPORT_COLUMNS>;
type ValidRow = NewPerson & { row: number; username: string | null };
type RowError = ImportReport['errors'][number];

/** The data rows of the first sheet that is not 说明, one line of text per cell, with sheet row numbers; blank rows skipped. */
async function readPeopleSheet(ctx: Ctx, bytes: Buffer, reading?: ImportReading): Promise<SheetRow[]> {
  const rows = await readSheet(bytes, {
    lang: ctx.lang,
    columns: IMPORT_COLUMNS,
    required: ['name', 'department'],
    maxRows: MAX_IMPORT_ROWS,
    text: 'line',
    limits: reading?.limits,
    onProgress: (done) => reading?.onProgress({ state: 'reading', done, total: null }),
  });
  return rows.map((r) => ({ ...r, phone: r.phone.replace(/\s+/g, '') }));
}

type Resolved = { dept: DepartmentRow } | { error: DetailCode; example?: string };

/** 部门 by name, or by full path (the root's name may be left out). Live departments win over archived ones. */
function departmentResolver(departments: { row: DepartmentRow; fullName: string }[]) {
  const index = new Map<string, { row: DepartmentRow; fullName: string }[]>();
  const add = (key: string, d: { row: DepartmentRow; fullName: string }) => index.set(key, [...(index.get(key) ?? []), d]);
  for (const d of departments) {
    const parts = d.fullName.split('/');
    add(d.row.name, d);
    if (parts.length > 1) {
      add(d.fullName, d);
      add(parts.slice(1).join('/'), d);
    }
  }
  return (input: string): Resolved => {
    const key = input
      .replace(/[／\\]/g, '/')
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean)
      .join('/');
    const found = [...new Set(index.get(key) ?? [])];
    const live = found.filter((d) => !d.row.archivedAt);
    if (live.length === 1) return { dept: live[0]!.row };
    if (live.length > 1) return { error: 'department_ambiguous', example: live[0]!.fullName };
    return { error: found.length ? 'department_archived' : 'department_unknown' };
  };
}

/** Every rule on every row; nothing short-circuits, so the report names every problem at once. */
async function validate(ctx: Ctx, rows: SheetRow[]): Promise<{ valid: ValidRow[]; errors: RowError[] }> {
  const actor = ctx.actor!;
  const errors: RowError[] = [];
  const fail = (row: number, field: string, code: DetailCode, params: Record<string, string | number> = {}) =>
    errors.push({ row, field, message: detailMessage(code, ctx.lang, params) });
  const resolve = departmentResolver(await departmentsWithFullNames(ctx.db));
  const phones = rows.map((r) => r.phone).filter((p) => PHONE.test(p));
  const usernames = rows.map((r) => r.username).filter((u) => USERNAME.test(u));
  const [phoneHolders, usernamesTaken] = await Promise.all([
    peopleRepo.byPhones(ctx.db, phones),
    peopleAccounts().takenUsernames(ctx.db, usernames),
  ]);
  const phonesTaken = new Set(phoneHolders.map((p) => p.phone));
  const mayOpenAccounts = accountPolicy.mayOpen(actor, []);
  const firstPhoneRow = new Map<string, number>();
  const firstUsernameRow = new Map<string, number>();
  const valid: ValidRow[] = [];

  for (const r of rows) {
    const before = errors.length;
    if (!r.name) fail(r.row, PEOPLE_COLUMNS.name, 'required');
    else if (r.name.length > 50) fail(r.row, PEOPLE_COLUMNS.name, 'too_long', { max: 50 });

    if (r.phone) {
      const first = firstPhoneRow.get(r.phone);
      if (!PHONE.test(r.phone)) fail(r.row, PEOPLE_COLUMNS.phone, 'bad_phone');
      else if (first !== undefined) fail(r.row, PEOPLE_COLUMNS.phone, 'duplicate_in_file', { row: first });
      else if (phonesTaken.has(r.phone)) fail(r.row, PEOPLE_COLUMNS.phone, 'phone_exists');
      if (first === undefined) firstPhoneRow.set(r.phone, r.row);
    }

    let dept: DepartmentRow | null = null;
    if (!r.department) fail(r.row, PEOPLE_COLUMNS.department, 'required');
    else {
      const found = resolve(r.department);
      if ('error' in found) fail(r.row, PEOPLE_COLUMNS.department, found.error, { value: r.department, example: found.example ?? '' });
      else if (!canAddPersonTo(actor, found.dept.id))
        fail(r.row, PEOPLE_COLUMNS.department, 'department_out_of_scope', { value: r.department });
      else dept = found.dept;
    }

    if (r.title.length > 100) fail(r.row, PEOPLE_COLUMNS.title, 'too_long', { max: 100 });
    const status = r.status ? (STATUS[r.status] ?? STATUS[r.status.toLowerCase()]) : 'active';
    if (!status) fail(r.row, PEOPLE_COLUMNS.status, 'bad_status');

    if (r.username) {
      const first = firstUsernameRow.get(r.username.toLowerCase());
      if (!mayOpenAccounts) fail(r.row, PEOPLE_COLUMNS.username, 'account_forbidden');
      else if (!USERNAME.test(r.username)) fail(r.row, PEOPLE_COLUMNS.username, 'bad_username');
      else if (first !== undefined) fail(r.row, PEOPLE_COLUMNS.username, 'duplicate_in_file', { row: first });
      else if (usernamesTaken.has(r.username)) fail(r.row, PEOPLE_COLUMNS.username, 'username_exists', { value: r.username });
      if (first === undefined) firstUsernameRow.set(r.username.toLowerCase(), r.row);
    }

    if (errors.length === before && dept && status) {
      valid.push({
        row: r.row,
        name: r.name,
        phone: r.phone || null,
        departmentId: dept.id,
        title: r.title || null,
        status,
        username: r.username || null,
      });
    }
  }
  return { valid, errors };
}

/**
 * 批量导入人员. Every row is checked first; when any is wrong — or on a dry run — nothing is
 * written and the report lists every problem. Otherwise all rows (and accounts) are created in
 * one transaction, one audit record per person plus a `people.import` summary.
 */
export async function importPeople(ctx: Ctx, bytes: Buffer, opts: { dryRun: boolean; reading?: ImportReading }): Promise<ImportReport> {
  const rows = await readPeopleSheet(ctx, bytes, opts.reading);
  const progress = (state: 'checking' | 'writing', done: number, total: number) => opts.reading?.onProgress({ state, done, total });
  const run = async (c: Ctx): Promise<ImportReport> => {
    progress('checking', 0, rows.length);
    const { valid, errors } = await validate(c, rows);
    if (errors.length || opts.dryRun) return { dryRun: opts.dryRun, committed: false, total: rows.length, created: 0, errors };
    return inTransaction(c, async (tx) => {
      const accounts: NonNullable<ImportReport['accounts']> = [];
      for (const [i, v] of valid.entries()) {
        if (i % 25 === 0) progress('writing', i, valid.length);
        const person = await insertPerson(tx, {
          name: v.name,
          phone: v.phone,
          departmentId: v.departmentId,
          title: v.title,
          status: v.status,
        });
        if (v.username) {
          const { initialPassword } = await peopleAccounts().createAccount(tx, {
            username: v.username,
            displayName: v.name,
            personId: person.id,
            roleIds: [],
          });
          accounts.push({ row: v.row, username: v.username, initialPassword: initialPassword! });
        }
      }
      await recordAudit(tx, {
        action: 'people.import',
        entityType: 'person',
        entityId: null,
        after: { rows: rows.length, created: valid.length, accounts: accounts.map((a) => a.username) },
      });
      return { dryRun: false, committed: true, total: rows.length, created: valid.length, errors: [], accounts };
    });
  };
  // A real import validates inside its transaction, so what was checked is what gets written.
  return opts.dryRun ? run(ctx) : inTransaction(ctx, run);
}
