import type { Db } from '../../platform/db/database.ts';
import { epochCache } from '../../platform/db/epoch-cache.ts';
import { ACTOR_TTL_MS } from './actor.ts';
import { identityRepo, sessionsEpoch } from './identity.repo.ts';

export type SessionCheck = NonNullable<Awaited<ReturnType<typeof identityRepo.sessionWithAccount>>>;

/**
 * A session and its account as the last check read them, per cookie digest. The check ran on every
 * request and was about 40 % of a signed-in read's CPU (the join alone ~60 µs on SQLite). Sign-out,
 * revoke, disable and password change through this process redo it at once (`sessionsEpoch`);
 * the time limit — the actor cache's — bounds how long such a change made by another instance or
 * by the CLI goes unseen here. Unknown cookies are never kept.
 */
const cached = epochCache<string, SessionCheck | undefined>(sessionsEpoch, ACTOR_TTL_MS);

export const cachedSessionCheck = (db: Db, digest: string) => cached(db, digest, () => identityRepo.sessionWithAccount(db, digest));
