import type { PublicLivelihoodProjects } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { taskRowById } from '../tasks/index.ts';
import { demandAnalysisRepo as repo } from './demand-analysis.repo.ts';
import { presentPublicProject, type ProjectTask } from './demand-analysis.presenter.ts';

/**
 * 民生实事项目进展 for the public: a year's projects (the latest year with any when none is asked for),
 * each with its task's stage, progress and dates read through the tasks module's front door, and the
 * withdrawn ones with their reasons — a selected project never disappears from the page.
 */
export async function publicLivelihoodProjects(ctx: Ctx, year?: number): Promise<PublicLivelihoodProjects> {
  const years = await repo.projectYears(ctx.db);
  const shown = year ?? years[0] ?? null;
  const rows = shown === null ? [] : await repo.projectsOfYear(ctx.db, shown);
  const tasks = new Map<string, ProjectTask>();
  for (const r of rows) {
    const task = r.taskId ? await taskRowById(ctx.db, r.taskId) : undefined;
    if (task) tasks.set(r.id, task);
  }
  const names = await cachedDepartmentsBasics(
    ctx.db,
    rows.map((r) => r.responsibleDepartmentId),
  );
  return {
    year: shown,
    years,
    items: rows.map((r) =>
      presentPublicProject(r, tasks.get(r.id), r.responsibleDepartmentId ? (names.get(r.responsibleDepartmentId)?.name ?? null) : null),
    ),
  };
}
