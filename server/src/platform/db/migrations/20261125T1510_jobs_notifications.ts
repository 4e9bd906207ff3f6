import type { Kysely } from 'kysely';

/**
 * The job table (scheduled and one-off work, claimed with row locks on PostgreSQL), the in-app
 * inbox, notification deliveries per channel, the channels themselves (SMTP, DingTalk and WeCom
 * robots), and people's e-mail addresses. Runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'text')
    // one row per scheduled occurrence however many instances tick (NULLs never collide)
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_person_idx').on('notifications').columns(['person_id', 'read_at', 'id']).execute();

  await db.schema
    .createTable('notification_channels')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // email | dingtalk | wecom
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target', 'text') // webhook URL, or the SMTP URL for e-mail
    .addColumn('secret', 'text') // sealed (AES-256-GCM); never leaves the server
    .addColumn('settings', 'text', (c) => c.notNull()) // JSON of non-secret options, e.g. {"from": …}
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('notification_kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull()) // inapp | email | dingtalk | wecom
    .addColumn('channel_id', 'text') // notification_channels.id; null for in-app and the configured SMTP
    .addColumn('person_id', 'text') // null for a group robot
    .addColumn('address', 'text') // e-mail address (robots: null; the URL stays on the channel)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // queued | sending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due_idx')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('notification_deliveries_created_idx').on('notification_deliveries').column('created_at').execute();

  await db.schema.alterTable('people').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('email').execute();
  for (const t of ['notification_deliveries', 'notification_channels', 'notifications', 'jobs']) await db.schema.dropTable(t).execute();
}
