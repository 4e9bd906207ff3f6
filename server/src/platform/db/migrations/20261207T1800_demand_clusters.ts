import type { Kysely } from 'kysely';

/**
 * 汇总、分析、论证 (issue 14, item 5): the kept results of grouping a campaign's suggestions, and the
 * leadership group's evaluation and selection of the year's livelihood projects. Runs on SQLite and
 * PostgreSQL.
 *
 * - `demand_analyses`: one per campaign, the last recompute's scope (period, with demands or not),
 *   totals and the newest item it read (to tell when suggestions have come in since).
 * - `demand_clusters` (议题): a group of items about the same thing — its label, headline and top words, people,
 *   urgent people, categories; and its evaluation (估算投资 in whole yuan, 可行性, 责任部门) and, once
 *   selected as a livelihood project (民生实事项目), its year and supervised task (one task per cluster).
 * - `demand_cluster_members`: the items (each item the merged ones follow) of a cluster.
 * - `demand_analysis_figures`: the charts' figures by category, area (片区), ISO week, and the word cloud.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demand_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('solicitation_id', 'text', (c) => c.notNull().unique().references('solicitations.id'))
    .addColumn('period_from', 'text') // YYYY-MM-DD, Asia/Shanghai
    .addColumn('period_to', 'text')
    .addColumn('include_demands', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('clusters', 'integer', (c) => c.notNull())
    .addColumn('last_demand_id', 'text') // the newest item read (ids sort by time)
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('demand_clusters')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('analysis_id', 'text', (c) => c.notNull().references('demand_analyses.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull()) // the title of its item with the most people
    .addColumn('status', 'text', (c) => c.notNull()) // open | evaluating | evaluated | selected | withdrawn
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('top_words', 'text', (c) => c.notNull()) // JSON [{word, weight}]
    .addColumn('categories', 'text', (c) => c.notNull()) // JSON [{name, people}]
    .addColumn('estimated_cost', 'bigint') // whole yuan
    .addColumn('feasibility', 'text') // high | medium | low
    .addColumn('feasibility_note', 'text')
    .addColumn('responsible_department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('marked_at', 'text')
    .addColumn('marked_by_name', 'text')
    .addColumn('evaluated_at', 'text')
    .addColumn('evaluated_by_name', 'text')
    .addColumn('project_title', 'text')
    .addColumn('project_year', 'integer')
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('selected_at', 'text')
    .addColumn('selected_by_name', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('demand_clusters_analysis_idx').on('demand_clusters').columns(['analysis_id', 'rank']).execute();
  await db.schema.createIndex('demand_clusters_project_idx').on('demand_clusters').columns(['project_year', 'status']).execute();
  // one cluster per task: a selection that ran twice would be refused here too
  await db.schema.createIndex('demand_clusters_task_idx').on('demand_clusters').column('task_id').unique().execute();

  await db.schema
    .createTable('demand_cluster_members')
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('demand_clusters.id'))
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addPrimaryKeyConstraint('demand_cluster_members_pk', ['cluster_id', 'demand_id'])
    .execute();
  await db.schema.createIndex('demand_cluster_members_demand_idx').on('demand_cluster_members').column('demand_id').execute();

  await db.schema
    .createTable('demand_analysis_figures')
    .addColumn('analysis_id', 'text', (c) => c.notNull().references('demand_analyses.id'))
    .addColumn('dimension', 'text', (c) => c.notNull()) // category | area | week | word
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('demand_analysis_figures_pk', ['analysis_id', 'dimension', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['demand_analysis_figures', 'demand_cluster_members', 'demand_clusters', 'demand_analyses'])
    await db.schema.dropTable(table).execute();
}
