import type { Experience, ExperienceStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import type { ExperienceRow } from './experiences.repo.ts';
import { experienceAbilities } from './summaries.policy.ts';

/** 典型经验 as they leave the server: department names and the buttons the actor may use. */
export async function presentExperiences(ctx: Ctx, rows: ExperienceRow[]): Promise<Experience[]> {
  const departments = await cachedDepartmentsBasics(
    ctx.db,
    rows.map((r) => r.departmentId),
  );
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    departmentId: r.departmentId,
    departmentName: departments.get(r.departmentId)?.name ?? '',
    title: r.title,
    text: r.body,
    status: r.status as ExperienceStatus,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    selectedAt: r.selectedAt,
    editedByName: r.editedByName,
    documentId: r.documentId,
    version: r.version,
    abilities: experienceAbilities(ctx.actor!, r),
  }));
}

export const presentExperience = async (ctx: Ctx, row: ExperienceRow) => (await presentExperiences(ctx, [row]))[0]!;
