import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import type { DemandAnalysesTable, DemandAnalysisFiguresTable, DemandClustersTable } from '../../platform/db/schema-demand-analysis.ts';

export type AnalysisRow = DemandAnalysesTable;
export type ClusterRow = DemandClustersTable;
export type FigureRow = DemandAnalysisFiguresTable;

/** What the analysis reads of an item: what it says, where, how urgent, and whom it follows. */
const SCOPE_COLUMNS = [
  'id',
  'code',
  'kind',
  'title',
  'body',
  'address',
  'status',
  'mergedIntoId',
  'hiddenAt',
  'urgent',
  'category',
  'suggestedCategory',
  'departmentId',
  'suggestedDepartmentId',
  'submitterKey',
  'createdAt',
] as const;
export type ScopeItem = {
  id: string;
  code: string;
  kind: string;
  title: string;
  body: string;
  address: string | null;
  status: string;
  mergedIntoId: string | null;
  hiddenAt: string | null;
  urgent: number;
  category: string | null;
  suggestedCategory: string | null;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
  /** who sent it (keyed digest), null when nothing said */
  submitterKey: string | null;
  createdAt: string;
};

/** `IN` lists stay well under SQLite's limit of bound parameters. */
const CHUNK = 500;
async function chunked<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** Received within [from, to) (ISO instants), when given. */
type Period = { from: string | null; to: string | null };

/**
 * 汇总分析: the only SQL on the analysis tables, and the analysis' reads of the items and their
 * words (tables of this module) — read once per recompute, never per page view.
 */
export const demandAnalysisRepo = {
  campaignItems(db: Executor, solicitationId: string, p: Period): Promise<ScopeItem[]> {
    let q = db.selectFrom('demands').select(SCOPE_COLUMNS).where('solicitationId', '=', solicitationId);
    if (p.from) q = q.where('createdAt', '>=', p.from);
    if (p.to) q = q.where('createdAt', '<', p.to);
    return q.orderBy('id').execute();
  },
  /** The public's demands (急难愁盼) of the period: in no campaign. */
  periodDemands(db: Executor, p: Period): Promise<ScopeItem[]> {
    let q = db.selectFrom('demands').select(SCOPE_COLUMNS).where('kind', '=', 'demand').where('solicitationId', 'is', null);
    if (p.from) q = q.where('createdAt', '>=', p.from);
    if (p.to) q = q.where('createdAt', '<', p.to);
    return q.orderBy('id').execute();
  },
  itemsByIds: (db: Executor, ids: readonly string[]) =>
    chunked(ids, (part) => db.selectFrom('demands').select(SCOPE_COLUMNS).where('id', 'in', part).execute()),
  /** the items merged into any of `ids` */
  mergedInto: (db: Executor, ids: readonly string[]) =>
    chunked(ids, (part) => db.selectFrom('demands').select(SCOPE_COLUMNS).where('mergedIntoId', 'in', part).execute()),
  async wordsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await chunked(ids, (part) =>
      db.selectFrom('demandWords').select(['demandId', 'word']).where('demandId', 'in', part).execute(),
    );
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const words = out.get(r.demandId);
      if (words) words.push(r.word);
      else out.set(r.demandId, [r.word]);
    }
    return out;
  },
  async newestCampaignItemId(db: Executor, solicitationId: string): Promise<string | null> {
    const row = await db
      .selectFrom('demands')
      .select('id')
      .where('solicitationId', '=', solicitationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  },
  /** Has the campaign had an item since `id` (ids sort by time)? One step along the campaign's index. */
  async campaignItemAfter(db: Executor, solicitationId: string, id: string | null): Promise<boolean> {
    let q = db.selectFrom('demands').select('id').where('solicitationId', '=', solicitationId);
    if (id) q = q.where('id', '>', id);
    return !!(await q.limit(1).executeTakeFirst());
  },

  analysisById: (db: Executor, id: string) => db.selectFrom('demandAnalyses').selectAll().where('id', '=', id).executeTakeFirst(),
  analysisOf: (db: Executor, solicitationId: string) =>
    db.selectFrom('demandAnalyses').selectAll().where('solicitationId', '=', solicitationId).executeTakeFirst(),
  insertAnalysis: (db: Executor, row: AnalysisRow) => db.insertInto('demandAnalyses').values(row).execute(),
  updateAnalysis: (db: Executor, id: string, version: number, patch: Partial<AnalysisRow>) =>
    updateVersioned(db, 'demandAnalyses', id, version, patch),

  clusterById: (db: Executor, id: string) => db.selectFrom('demandClusters').selectAll().where('id', '=', id).executeTakeFirst(),
  clustersOf: (db: Executor, analysisId: string) =>
    db.selectFrom('demandClusters').selectAll().where('analysisId', '=', analysisId).orderBy('rank').execute(),
  /** The first `limit` by rank, and every cluster the leadership group has taken up. */
  clustersShown: (db: Executor, analysisId: string, limit: number) =>
    db
      .selectFrom('demandClusters')
      .selectAll()
      .where('analysisId', '=', analysisId)
      .where((eb) => eb.or([eb('rank', '<=', limit), eb('status', '<>', 'open')]))
      .orderBy('rank')
      .execute(),
  async insertClusters(db: Executor, rows: ClusterRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('demandClusters')
        .values(rows.slice(i, i + 100))
        .execute();
  },
  updateCluster: (db: Executor, id: string, version: number, patch: Partial<ClusterRow>) =>
    updateVersioned(db, 'demandClusters', id, version, patch),
  /**
   * A kept cluster's figures as a recompute finds them (rank, counts, words). The version moves on
   * people's decisions only: a recompute does not turn an evaluation form open meanwhile into a conflict.
   */
  refreshCluster: (db: Executor, id: string, patch: Partial<ClusterRow>) =>
    db.updateTable('demandClusters').set(patch).where('id', '=', id).execute(),
  /** The selected project's task and year, on the row its selection has just claimed (same transaction). */
  linkProject: (db: Executor, id: string, link: Pick<ClusterRow, 'taskId' | 'projectYear'>) =>
    db.updateTable('demandClusters').set(link).where('id', '=', id).execute(),
  /** The ids of the computed clusters nobody has taken up. */
  openClusterIds: (db: Executor, analysisId: string) =>
    db
      .selectFrom('demandClusters')
      .select('id')
      .where('analysisId', '=', analysisId)
      .where('status', '=', 'open')
      .execute()
      .then((rows) => rows.map((r) => r.id)),
  /** Computed clusters a recompute found no more, members first. */
  async deleteClusters(db: Executor, ids: readonly string[]): Promise<void> {
    await chunked(ids, (part) => db.deleteFrom('demandClusterMembers').where('clusterId', 'in', part).execute());
    await chunked(ids, (part) => db.deleteFrom('demandClusters').where('id', 'in', part).execute());
  },

  async membersOf(db: Executor, clusterIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await chunked(clusterIds, (part) =>
      db.selectFrom('demandClusterMembers').select(['clusterId', 'demandId']).where('clusterId', 'in', part).orderBy('demandId').execute(),
    );
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const ids = out.get(r.clusterId);
      if (ids) ids.push(r.demandId);
      else out.set(r.clusterId, [r.demandId]);
    }
    return out;
  },
  async replaceMembers(db: Executor, clusterId: string, demandIds: readonly string[]): Promise<void> {
    await db.deleteFrom('demandClusterMembers').where('clusterId', '=', clusterId).execute();
    for (let i = 0; i < demandIds.length; i += 200)
      await db
        .insertInto('demandClusterMembers')
        .values(demandIds.slice(i, i + 200).map((demandId) => ({ clusterId, demandId })))
        .execute();
  },

  figures: (db: Executor, analysisId: string) =>
    db.selectFrom('demandAnalysisFigures').selectAll().where('analysisId', '=', analysisId).orderBy('dimension').orderBy('sort').execute(),
  async replaceFigures(db: Executor, analysisId: string, rows: FigureRow[]): Promise<void> {
    await db.deleteFrom('demandAnalysisFigures').where('analysisId', '=', analysisId).execute();
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('demandAnalysisFigures')
        .values(rows.slice(i, i + 100))
        .execute();
  },

  /** 民生实事项目 of a year: selected and withdrawn ones, in the order they were selected. */
  projectsOfYear: (db: Executor, year: number) =>
    db
      .selectFrom('demandClusters')
      .selectAll()
      .where('projectYear', '=', year)
      .where('status', 'in', ['selected', 'withdrawn'])
      .orderBy('selectedAt')
      .orderBy('id')
      .execute(),
  async projectYears(db: Executor): Promise<number[]> {
    const rows = await db
      .selectFrom('demandClusters')
      .select('projectYear')
      .distinct()
      .where('projectYear', 'is not', null)
      .where('status', 'in', ['selected', 'withdrawn'])
      .orderBy('projectYear', 'desc')
      .execute();
    return rows.map((r) => Number(r.projectYear));
  },
};
