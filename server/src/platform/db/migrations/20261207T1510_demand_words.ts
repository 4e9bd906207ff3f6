import type { Kysely } from 'kysely';

/**
 * Routing and merging of the public's demands (issue 14). Runs on SQLite and PostgreSQL.
 *
 * - `demand_routing_rules` (分类规则): keywords the office maintains; a submission whose words hold a
 *   keyword is suggested its category (and department, where the rule names one), weighted.
 * - `demand_words`: the distinct segmented words of each submission (at most 64), the postings the
 *   similar-item lookup (并单候选) reads by word; the (word, demand_id) index answers "which items
 *   hold this word", the primary key "which words does this item hold".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demand_routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('keyword', 'text', (c) => c.notNull()) // lower-cased
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('demand_routing_rules_keyword_category_idx')
    .on('demand_routing_rules')
    .columns(['keyword', 'category'])
    .unique()
    .execute();

  await db.schema
    .createTable('demand_words')
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_words_pk', ['demand_id', 'word'])
    .execute();
  await db.schema.createIndex('demand_words_word_idx').on('demand_words').columns(['word', 'demand_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['demand_words', 'demand_routing_rules']) await db.schema.dropTable(table).execute();
}
