import type { Kysely } from 'kysely';

/**
 * 令牌权限范围: what an API token may do, fixed at issue — `read_only` (GET/HEAD with the owner's
 * permissions) or `permissions` (the JSON list in `permissions`, a subset of the owner's). Tokens
 * issued before this migration become `legacy`: they keep acting with every permission their owner
 * holds, as they did, and the console flags them so an administrator can reissue them with a scope.
 * Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('legacy'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('permissions', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('permissions').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
