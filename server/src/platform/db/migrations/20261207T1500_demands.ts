import type { Kysely } from 'kysely';

/**
 * 群众诉求与民生实事建议 (issue 14): the public's demands and suggestions from every channel, and the
 * solicitation campaigns that ask for suggestions. Runs on SQLite and PostgreSQL.
 *
 * - `solicitations` (征集活动): a period, categories and a public page (its `code`, on the QR poster).
 * - `demands`: one submission, whatever its channel; the submitter's name, phone and e-mail sealed at
 *   rest (platform/crypto/sealed.ts); the routing suggestion beside the confirmed category and unit;
 *   `merged_into_id`: merged (并单) into another item, whose replies reach this submitter too.
 * - `demand_events`: the item's history (received, accepted, dispatched, sent back …), oldest first.
 * - `demand_attachments`: files kept with an item (a letter's scan, a photo, a mail's attachments).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('solicitations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique()) // the public page's code (QR poster)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull()) // JSON array of category names
    .addColumn('opens_on', 'text', (c) => c.notNull()) // YYYY-MM-DD, first day open
    .addColumn('closes_on', 'text', (c) => c.notNull()) // YYYY-MM-DD, last day open
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('demands')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique()) // tracking code (查询码)
    .addColumn('kind', 'text', (c) => c.notNull()) // suggestion | demand
    .addColumn('channel', 'text', (c) => c.notNull()) // web | email | phone | letter | open311
    .addColumn('solicitation_id', 'text', (c) => c.references('solicitations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('submitter_name_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('suggested_category', 'text')
    .addColumn('suggested_department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('category', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull()) // received | accepted | dispatched | handling | replied | closed | rejected
    .addColumn('merged_into_id', 'text', (c) => c.references('demands.id'))
    .addColumn('sent_back_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('closed_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('hidden_reason', 'text') // 隐藏 by a moderator: abusive content
    .addColumn('hidden_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('demands_status_idx').on('demands').columns(['status', 'id']).execute();
  await db.schema.createIndex('demands_department_idx').on('demands').columns(['department_id', 'status', 'id']).execute();
  await db.schema.createIndex('demands_merged_idx').on('demands').columns(['merged_into_id']).execute();
  await db.schema.createIndex('demands_solicitation_idx').on('demands').columns(['solicitation_id', 'id']).execute();

  await db.schema
    .createTable('demand_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id')) // null: the submitter or the system
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_events_demand_idx').on('demand_events').columns(['demand_id', 'id']).execute();

  await db.schema
    .createTable('demand_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('file_name', 'text', (c) => c.notNull()) // stored name, made by the server
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull()) // by the bytes, not the name
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demand_attachments_demand_idx').on('demand_attachments').columns(['demand_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['demand_attachments', 'demand_events', 'demands', 'solicitations']) await db.schema.dropTable(table).execute();
}
