import type { PersonStatus } from '@qinlian/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { mimeOfStoredImage, storedFilePath } from '../../platform/files/files.ts';

/**
 * 亮牌上岗: what a badge shows of people, read by the badges module — name, title, photo, the live
 * posts they hold (A or B) with the posts' duties and the other holder of each pair. No data scope
 * here: the caller decides who may see which badge. Read-only.
 */
export type DutyHolder = {
  id: string;
  name: string;
  departmentId: string;
  status: PersonStatus;
  title: string | null;
  hasPhoto: boolean;
  posts: { id: string; name: string; duties: string; role: 'A' | 'B'; backupName: string | null }[];
};

/** People by id (any status), or the people of one department who have not left; oldest entry first. */
export async function dutyHolders(db: Executor, which: { personIds: string[] } | { departmentId: string }): Promise<DutyHolder[]> {
  let q = db.selectFrom('people').select(['id', 'name', 'departmentId', 'status', 'title', 'photoFile']);
  if ('departmentId' in which) q = q.where('departmentId', '=', which.departmentId).where('status', '!=', 'left');
  else if (which.personIds.length === 0) return [];
  else q = q.where('id', 'in', [...new Set(which.personIds)]);
  const people = await q.orderBy('createdAt').orderBy('id').execute();
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const posts = await db
    .selectFrom('posts')
    .select(['id', 'name', 'duties', 'aPersonId', 'bPersonId'])
    .where('archivedAt', 'is', null)
    .where((eb) => eb.or([eb('aPersonId', 'in', ids), eb('bPersonId', 'in', ids)]))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const names = new Map(people.map((p) => [p.id, p.name]));
  const others = [...new Set(posts.flatMap((p) => [p.aPersonId, p.bPersonId]))].filter((id): id is string => !!id && !names.has(id));
  if (others.length) {
    for (const r of await db.selectFrom('people').select(['id', 'name']).where('id', 'in', others).execute()) names.set(r.id, r.name);
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    departmentId: p.departmentId,
    status: p.status as PersonStatus,
    title: p.title,
    hasPhoto: p.photoFile !== null,
    posts: posts
      .filter((x) => x.aPersonId === p.id || x.bPersonId === p.id)
      .map((x) => {
        const role = x.aPersonId === p.id ? ('A' as const) : ('B' as const);
        return { id: x.id, name: x.name, duties: x.duties, role, backupName: nameOf(role === 'A' ? x.bPersonId : x.aPersonId) };
      }),
  }));
}

/** Where a person's 工作照 is on disk, or null: only the photo, for a page that has already decided to show it. */
export async function personPhotoFile(db: Executor, personId: string, dataDir: string): Promise<{ file: string; mime: string } | null> {
  const row = await db.selectFrom('people').select('photoFile').where('id', '=', personId).executeTakeFirst();
  if (!row?.photoFile) return null;
  return { file: storedFilePath(dataDir, 'photos', row.photoFile), mime: mimeOfStoredImage(row.photoFile) };
}
