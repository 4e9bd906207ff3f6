import type { z } from 'zod';
import {
  detailMessage,
  PersonCreateBody as CreateSchema,
  type PeopleQuery,
  type PersonCreateBody,
  type PersonUpdateBody,
} from '@qinlian/contracts';
import { inTransaction, type Ctx, type TxCtx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, duplicate, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { mimeOfStoredImage, removeStoredFile, sniffImage, stageStoredFile, storedFilePath } from '../../platform/files/files.ts';
import { isWholeImage } from '../../platform/files/content-type.ts';
import { peopleAccounts } from './people-accounts.port.ts';
import { departmentsRepo } from './departments.repo.ts';
import { usableDepartment } from './departments.service.ts';
import { peopleRepo, type PeopleFilter, type PersonRow } from './people.repo.ts';
import { postsRepo } from './posts.repo.ts';
import { accountPolicy, canAddPersonTo, personPolicy } from './org.policy.ts';

const actorOf = (ctx: Ctx) => ctx.actor!;
export type PeopleQueryParsed = z.output<typeof PeopleQuery>;

/** Name and department of a person, for other modules (identity builds actors from it). */
export function personBasics(db: Executor, personId: string) {
  return db.selectFrom('people').select(['id', 'name', 'departmentId']).where('id', '=', personId).executeTakeFirst();
}

/** A person with what the presenter shows beside the row: department, posts held, account. */
export type PersonView = {
  row: PersonRow;
  departmentName: string;
  posts: { id: string; name: string; role: 'A' | 'B' }[];
  account: { id: string; username: string; disabled: boolean; roleIds: string[] } | null;
};

/** The list filters as SQL conditions; null when the filter can match nobody. */
async function peopleFilter(ctx: Ctx, q: Omit<PeopleQueryParsed, 'page' | 'pageSize'>): Promise<PeopleFilter | null> {
  const f: PeopleFilter = { q: q.q || undefined, status: q.status };
  if (q.departmentId) {
    if (q.subtree === 'true') {
      const dept = await departmentsRepo.byId(ctx.db, q.departmentId);
      if (!dept) return null;
      f.departmentPath = dept.path;
    } else f.departmentId = q.departmentId;
  }
  return f;
}

/** One page of the people the actor may see (data scope applied in SQL). */
export async function listPeople(ctx: Ctx, q: PeopleQueryParsed) {
  const f = await peopleFilter(ctx, q);
  if (!f) return { items: [] as PersonRow[], total: 0 };
  return peopleRepo.page(ctx.db, actorOf(ctx).scope, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** Every person matching the list filters that the actor may see: for the XLSX export. */
export async function allPeopleMatching(ctx: Ctx, q: Omit<PeopleQueryParsed, 'page' | 'pageSize'>) {
  const f = await peopleFilter(ctx, q);
  return f ? peopleRepo.all(ctx.db, actorOf(ctx).scope, f) : [];
}

/** A person the actor may see, or 404. */
export async function getPerson(ctx: Ctx, id: string): Promise<PersonRow> {
  const row = await peopleRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  personPolicy.assertVisible(actorOf(ctx), row);
  return row;
}

/** Department names, posts held and accounts for a set of people, in three queries. */
export async function personViews(db: Executor, rows: PersonRow[]): Promise<PersonView[]> {
  const ids = rows.map((r) => r.id);
  const [departments, posts, accounts] = await Promise.all([
    departmentsRepo.byIds(db, [...new Set(rows.map((r) => r.departmentId))]),
    postsRepo.heldBy(db, ids),
    peopleAccounts().accountsOfPeople(db, ids),
  ]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const account = new Map(accounts.map((a) => [a.personId, { id: a.id, username: a.username, disabled: a.disabled, roleIds: a.roleIds }]));
  return rows.map((row) => ({
    row,
    departmentName: deptName.get(row.departmentId) ?? '',
    posts: posts.flatMap((p) => [
      ...(p.aPersonId === row.id ? [{ id: p.id, name: p.name, role: 'A' as const }] : []),
      ...(p.bPersonId === row.id ? [{ id: p.id, name: p.name, role: 'B' as const }] : []),
    ]),
    account: account.get(row.id) ?? null,
  }));
}

export async function personView(db: Executor, row: PersonRow): Promise<PersonView> {
  return (await personViews(db, [row]))[0]!;
}

/** A phone number belongs to one person only. */
async function assertPhoneFree(ctx: Ctx, phone: string, exceptId: string | null, field: string) {
  const holders = await peopleRepo.byPhones(ctx.db, [phone]);
  if (holders.some((h) => h.id !== exceptId)) throw duplicate(field, phone);
}

export type NewPerson = {
  name: string;
  phone: string | null;
  email?: string | null;
  departmentId: string;
  title: string | null;
  status: string;
};

/** Insert one person and its audit record; the caller has checked the rules. */
export async function insertPerson(tx: TxCtx, input: NewPerson, action = 'person.create'): Promise<PersonRow> {
  const now = iso(tx.clock.now());
  const row: PersonRow = { id: newId(), ...input, email: input.email ?? null, photoFile: null, version: 1, createdAt: now, updatedAt: now };
  await peopleRepo.insert(tx.db, row);
  await recordAudit(tx, { action, entityType: 'person', entityId: row.id, after: row });
  return row;
}

/** Register a person, and optionally their sign-in account in the same transaction. */
export async function createPerson(ctx: Ctx, input: PersonCreateBody): Promise<{ row: PersonRow; initialPassword: string | null }> {
  const body = CreateSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const dept = await usableDepartment(tx, body.departmentId, 'body.departmentId');
    if (!canAddPersonTo(actor, dept.id)) throw forbidden();
    if (body.account && !accountPolicy.mayOpen(actor, body.account.roleIds)) {
      throw new DomainError('forbidden', 403, {}, [{ path: 'body.account', message: 'forbidden' }]);
    }
    if (body.phone) await assertPhoneFree(tx, body.phone, null, 'body.phone');
    if (body.account && (await peopleAccounts().takenUsernames(tx.db, [body.account.username])).size)
      throw duplicate('body.account.username', body.account.username);
    const row = await insertPerson(tx, {
      name: body.name,
      phone: body.phone ?? null,
      email: body.email ?? null,
      departmentId: dept.id,
      title: body.title ?? null,
      status: body.status,
    });
    if (!body.account) return { row, initialPassword: null };
    const { initialPassword } = await peopleAccounts().createAccount(tx, {
      username: body.account.username,
      displayName: body.name,
      personId: row.id,
      roleIds: body.account.roleIds,
    });
    return { row, initialPassword };
  });
}

/** Open a sign-in account for a person who has none (initial password returned once). */
export async function openAccountForPerson(ctx: Ctx, id: string, body: { username: string; roleIds: string[] }) {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const person = await getPerson(tx, id);
    personPolicy.assert(actor, 'manage', person);
    if (!accountPolicy.mayOpen(actor, body.roleIds)) throw forbidden();
    if ((await peopleAccounts().accountsOfPeople(tx.db, [id])).length) throw new DomainError('account_exists', 409, { name: person.name });
    if ((await peopleAccounts().takenUsernames(tx.db, [body.username])).size) throw duplicate('body.username', body.username);
    const { initialPassword } = await peopleAccounts().createAccount(tx, {
      username: body.username,
      displayName: person.name,
      personId: id,
      roleIds: body.roleIds,
    });
    return { row: person, initialPassword };
  });
}

/** Edit or move a person. Moving needs both departments in scope and no posts left behind. */
export async function updatePerson(ctx: Ctx, id: string, patch: PersonUpdateBody): Promise<PersonRow> {
  return inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const before = await getPerson(tx, id);
    personPolicy.assert(actor, 'manage', before);
    if (patch.version !== undefined && patch.version !== before.version) throw versionConflict();
    const next: Partial<PersonRow> = { updatedAt: iso(tx.clock.now()) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.title !== undefined) next.title = patch.title;
    // 'away' belongs to the whereabouts board: "active" on someone away leaves them away
    if (patch.status !== undefined && !(patch.status === 'active' && before.status === 'away')) next.status = patch.status;
    if (patch.email !== undefined) next.email = patch.email;
    if (patch.phone !== undefined) {
      if (patch.phone && patch.phone !== before.phone) await assertPhoneFree(tx, patch.phone, id, 'body.phone');
      next.phone = patch.phone;
    }
    const moving = patch.departmentId !== undefined && patch.departmentId !== before.departmentId;
    if (moving) {
      const dept = await usableDepartment(tx, patch.departmentId!, 'body.departmentId');
      if (!canAddPersonTo(actor, before.departmentId) || !canAddPersonTo(actor, dept.id)) throw forbidden();
      const held = await postsRepo.heldBy(tx.db, [id]);
      if (held.length) {
        throw new DomainError('person_holds_posts', 409, { name: before.name, posts: held.map((p) => p.name).join('、') }, [
          { path: 'body.departmentId', message: 'person_holds_posts' },
        ]);
      }
      next.departmentId = dept.id;
    }
    if (!(await peopleRepo.update(tx.db, id, before.version, next))) throw versionConflict();
    const after = { ...before, ...next, version: before.version + 1 };
    await recordAudit(tx, { action: moving ? 'person.move' : 'person.update', entityType: 'person', entityId: id, before, after });
    return after;
  });
}

/**
 * 亮牌上岗 photo: PNG, JPEG or WebP by its bytes (the header, file-type's reading of the whole file,
 * and no page markup after a valid header: platform/files/content-type.ts `isWholeImage`), stored
 * as files/photos/<personId>-v<version>.<ext>.
 * Each version has its own name, so the file is in place before the row that names it commits: a
 * failed or interrupted write leaves at most an unreferenced file, never a row without its photo.
 */
export async function setPersonPhoto(ctx: Ctx, id: string, upload: { bytes: Buffer; dataDir: string }): Promise<PersonRow> {
  const written: { name: string | null } = { name: null };
  try {
    const result = await inTransaction(ctx, async (tx) => {
      const before = await getPerson(tx, id);
      personPolicy.assert(actorOf(tx), 'manage', before);
      const kind = sniffImage(upload.bytes);
      const problem = !kind ? 'file_not_image' : !(await isWholeImage(upload.bytes, kind)) ? 'file_not_whole_image' : null;
      if (problem || !kind) {
        const reason = detailMessage(problem ?? 'file_not_image', tx.lang);
        throw new DomainError('invalid_file', 400, { reason }, [{ path: 'body.file', message: reason }]);
      }
      const name = `${before.id}-v${before.version + 1}.${kind.ext}`;
      await (await stageStoredFile(upload.dataDir, 'photos', name, upload.bytes)).commit();
      written.name = name;
      const next = { photoFile: name, updatedAt: iso(tx.clock.now()) };
      if (!(await peopleRepo.update(tx.db, id, before.version, next))) throw versionConflict();
      await recordAudit(tx, {
        action: 'person.photo',
        entityType: 'person',
        entityId: id,
        before: { photoFile: before.photoFile },
        after: { photoFile: name, bytes: upload.bytes.length, type: kind.mime },
      });
      return { before, after: { ...before, ...next, version: before.version + 1 } };
    });
    written.name = null;
    if (result.before.photoFile && result.before.photoFile !== result.after.photoFile) {
      await removeStoredFile(upload.dataDir, 'photos', result.before.photoFile).catch(() => {});
    }
    return result.after;
  } finally {
    if (written.name) await removeStoredFile(upload.dataDir, 'photos', written.name).catch(() => {});
  }
}

/** Where a visible person's photo is on disk, or 404. */
export async function personPhoto(ctx: Ctx, id: string, dataDir: string): Promise<{ file: string; mime: string }> {
  const person = await getPerson(ctx, id);
  if (!person.photoFile) throw notFound();
  return { file: storedFilePath(dataDir, 'photos', person.photoFile), mime: mimeOfStoredImage(person.photoFile) };
}

/**
 * 在岗 ⇄ 外出 as the whereabouts board (工作人员去向牌) says: its module is the only caller. Never
 * touches someone who has left. Who acts for a post (AB岗) follows at once: the directory epoch moves
 * on after commit, and the change is audited.
 */
export async function setPresence(tx: TxCtx, personId: string, present: boolean): Promise<{ changed: boolean }> {
  const before = await peopleRepo.byId(tx.db, personId);
  const status = present ? 'active' : 'away';
  if (!before || before.status === 'left' || before.status === status) return { changed: false };
  const next = { status, updatedAt: iso(tx.clock.now()) };
  if (!(await peopleRepo.update(tx.db, personId, before.version, next))) throw versionConflict();
  await recordAudit(tx, {
    action: 'person.presence',
    entityType: 'person',
    entityId: personId,
    before: { status: before.status },
    after: { status },
  });
  return { changed: true };
}

/**
 * Name, e-mail address and department (with its path) of each person: the notification service's
 * recipient directory. Unknown ids are left out.
 */
export async function personContacts(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .innerJoin('departments', 'departments.id', 'people.departmentId')
    .select(['people.id as personId', 'people.name', 'people.email', 'people.departmentId', 'departments.path as departmentPath'])
    .where('people.id', 'in', [...new Set(personIds)])
    .execute();
  return rows.map((r) => ({
    personId: r.personId,
    name: r.name,
    email: r.email ?? null,
    departmentId: r.departmentId,
    departmentPath: r.departmentPath,
  }));
}
