import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { PostsTable } from '../../platform/db/schema.ts';
import { directoryEpoch } from './directory-epoch.ts';

export type PostRow = PostsTable;

/** AB岗 posts: the only SQL on the posts table. */
export const postsRepo = {
  /** Live posts in the actor's departments (all when `departmentIds` is null), optionally of one department. */
  list(db: Executor, opts: { departmentIds: string[] | null; departmentId?: string }) {
    let q = db
      .selectFrom('posts')
      .innerJoin('departments', 'departments.id', 'posts.departmentId')
      .selectAll('posts')
      .where('posts.archivedAt', 'is', null);
    if (opts.departmentIds !== null)
      q = opts.departmentIds.length ? q.where('posts.departmentId', 'in', opts.departmentIds) : q.where(sql<SqlBool>`1 = 0`);
    if (opts.departmentId) q = q.where('posts.departmentId', '=', opts.departmentId);
    return q.orderBy('departments.path').orderBy('posts.name').orderBy('posts.id').execute();
  },
  byId: (db: Executor, id: string) => db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst(),
  liveByName: (db: Executor, departmentId: string, name: string) =>
    db
      .selectFrom('posts')
      .select('id')
      .where('departmentId', '=', departmentId)
      .where('name', '=', name)
      .where('archivedAt', 'is', null)
      .executeTakeFirst(),
  /** Live posts held by any of these people, as A or B. */
  heldBy(db: Executor, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([] as PostRow[]);
    const ids = [...new Set(personIds)];
    return db
      .selectFrom('posts')
      .selectAll()
      .where('archivedAt', 'is', null)
      .where((eb) => eb.or([eb('aPersonId', 'in', ids), eb('bPersonId', 'in', ids)]))
      .orderBy('name')
      .execute();
  },
  /** Live posts this person holds as A or B, with the status of each post's A: who acts depends on it. */
  heldWithAStatus: (db: Executor, personId: string) =>
    db
      .selectFrom('posts')
      .leftJoin('people as a', 'a.id', 'posts.aPersonId')
      .select(['posts.id', 'posts.aPersonId', 'posts.bPersonId', 'a.status as aStatus'])
      .where('posts.archivedAt', 'is', null)
      .where((eb) => eb.or([eb('posts.aPersonId', '=', personId), eb('posts.bPersonId', '=', personId)]))
      .execute(),
  insert(db: Executor, row: PostRow) {
    directoryEpoch.changed(db);
    return db.insertInto('posts').values(row).execute();
  },
  update(db: Executor, id: string, version: number, patch: Partial<PostRow>) {
    directoryEpoch.changed(db);
    return updateVersioned(db, 'posts', id, version, patch);
  },
};
