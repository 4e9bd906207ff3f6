import { isTransaction } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { epochCache } from '../../platform/db/epoch-cache.ts';
import { departmentHeadPersonId, orgDirectoryVersion } from '../org/index.ts';

/**
 * 部门负责人 of lead departments, for the head's own steps (分办, 部门审核). A list page names a few
 * departments and each head takes a query or two, so heads are kept per department until the
 * organisation changes through this instance (its directory epoch), or for the usual 30 seconds
 * for a change made through another. Inside a transaction they are read as they stand.
 */
const HEADS_TTL_MS = 30_000;
const cached = epochCache<string, string | null>({ current: orgDirectoryVersion }, HEADS_TTL_MS);

export async function headsOf(db: Executor, departmentIds: string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(departmentIds)];
  const heads = await Promise.all(
    ids.map((id) => (isTransaction(db) ? departmentHeadPersonId(db, id) : cached(db, id, () => departmentHeadPersonId(db, id)))),
  );
  return new Map(ids.map((id, i) => [id, heads[i]!]));
}
