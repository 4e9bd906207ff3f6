import type { Kysely } from 'kysely';

/**
 * 首问负责制 (first-inquiry responsibility, issue 13). Runs on SQLite and PostgreSQL.
 *
 * - `enquiries`: one enquiry, its owner now (首问责任人, or whoever accepted it since), the unit that
 *   answers for it, and the reply. The enquirer's name and contact are sealed at rest
 *   (platform/crypto/sealed.ts). `acting_for_person_id`: B owns it for A (AB岗) while A is away.
 * - `enquiry_handovers`: the chain. A hand-over names exactly one of a person, a post or a
 *   department; ownership moves only when it is accepted, so the enquiry is never without an owner.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enquiries')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique()) // public tracking code (查询码)
    .addColumn('channel', 'text', (c) => c.notNull()) // visitor | phone | message | other
    .addColumn('enquirer_name_sealed', 'text', (c) => c.notNull())
    .addColumn('enquirer_contact_sealed', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('registered_by_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('registered_department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('owner_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('acting_for_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // open | handing_over | replied | closed
    .addColumn('reply', 'text')
    .addColumn('reply_way', 'text') // in_person | phone | sms | email | letter
    .addColumn('replied_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('replied_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // "mine" (and what B holds for me), newest first
  await db.schema.createIndex('enquiries_owner_idx').on('enquiries').columns(['owner_person_id', 'status', 'id']).execute();
  await db.schema.createIndex('enquiries_acting_for_idx').on('enquiries').columns(['acting_for_person_id', 'status']).execute();
  // a department's, newest first
  await db.schema.createIndex('enquiries_department_idx').on('enquiries').columns(['department_id', 'status', 'id']).execute();

  await db.schema
    .createTable('enquiry_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('enquiry_id', 'text', (c) => c.notNull().references('enquiries.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // handover | take_back
    .addColumn('from_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('to_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('to_post_id', 'text', (c) => c.references('posts.id'))
    .addColumn('to_department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | accepted | declined | cancelled
    .addColumn('decided_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('acting_for_person_id', 'text', (c) => c.references('people.id')) // B accepted it for A
    .addColumn('accepted_department_id', 'text', (c) => c.references('departments.id')) // the unit answering for it once accepted
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiry_handovers_enquiry_idx').on('enquiry_handovers').columns(['enquiry_id', 'id']).execute();
  // "awaiting my acceptance": pending ones by whom they are addressed to
  await db.schema.createIndex('enquiry_handovers_to_person_idx').on('enquiry_handovers').columns(['to_person_id', 'status']).execute();
  await db.schema.createIndex('enquiry_handovers_to_post_idx').on('enquiry_handovers').columns(['to_post_id', 'status']).execute();
  await db.schema
    .createIndex('enquiry_handovers_to_department_idx')
    .on('enquiry_handovers')
    .columns(['to_department_id', 'status'])
    .execute();
  // enquiries someone took part in (they handed it on, or decided a hand-over)
  await db.schema.createIndex('enquiry_handovers_from_idx').on('enquiry_handovers').columns(['from_person_id']).execute();
  await db.schema.createIndex('enquiry_handovers_decided_idx').on('enquiry_handovers').columns(['decided_by_person_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enquiry_handovers').execute();
  await db.schema.dropTable('enquiries').execute();
}
