import type { Kysely } from 'kysely';

/**
 * 亮牌上岗 and 政务服务好差评 (issue 13). Runs on SQLite and PostgreSQL.
 *
 * - `badges`: one badge per person, reached by an unguessable public code (platform/public/tracking-code.ts);
 *   reissuing replaces the code, so the old one stops answering. `revoked_at`: withdrawn, answers 404.
 * - `ratings`: one rating per service event (`service_event_key` UNIQUE: a badge rating is person + device +
 *   Shanghai date, an enquiry rating the enquiry). The device id and address are kept only as keyed digests.
 *   1 and 2 are bad reviews (`bad`), each with its rectification (整改) item.
 * - `rating_appeals`: a department's appeal of a bad review (申诉) and the office's decision (复核), one per rating.
 * - `department_rating_pages`: the public code of a department's ratings page (评价结果公示).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('badges')
    .addColumn('person_id', 'text', (c) => c.primaryKey().notNull().references('people.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('duties', 'text') // null: the badge shows the duties of the person's post
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('source', 'text', (c) => c.notNull()) // badge | enquiry
    .addColumn('enquiry_id', 'text')
    .addColumn('service_event_key', 'text', (c) => c.notNull().unique())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('rated_on', 'text', (c) => c.notNull()) // YYYY-MM-DD in Asia/Shanghai: the service day, months of the charts
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('bad', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rectification_id', 'text')
    .addColumn('appeal_state', 'text', (c) => c.notNull().defaultTo('none')) // none | appealed | upheld | rejected
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('ratings_person_idx').on('ratings').columns(['person_id', 'rated_on']).execute();
  await db.schema.createIndex('ratings_department_idx').on('ratings').columns(['department_id', 'rated_on']).execute();
  await db.schema.createIndex('ratings_bad_idx').on('ratings').columns(['department_id', 'bad', 'rated_on']).execute();

  await db.schema
    .createTable('rating_appeals')
    .addColumn('rating_id', 'text', (c) => c.primaryKey().notNull().references('ratings.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('appealed_by', 'text', (c) => c.notNull())
    .addColumn('appealed_by_name', 'text', (c) => c.notNull())
    .addColumn('appealed_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text') // upheld | rejected
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('department_rating_pages')
    .addColumn('department_id', 'text', (c) => c.primaryKey().notNull().references('departments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('department_rating_pages').execute();
  await db.schema.dropTable('rating_appeals').execute();
  await db.schema.dropTable('ratings').execute();
  await db.schema.dropTable('badges').execute();
}
