import type { z } from 'zod';
import { BulletinSettingsBody as SettingsSchema, type BulletinIndicator, type BulletinSettingsBody } from '@qinlian/contracts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError, versionConflict } from '../../platform/errors.ts';
import { planById } from '../plan/index.ts';
import { checkIndicators, DEFAULT_INDICATORS } from './bulletin-indicators.ts';
import { bulletinPolicy } from './bulletins.policy.ts';
import { bulletinsRepo, type SettingsRow } from './bulletins.repo.ts';

/**
 * 通报设置: per plan, what the office keeps for every quarter's bulletin — the indicators and their
 * weights, the 机关代字 of its document numbers (赣新勤廉〔2026〕3号), the issuing organ and the
 * recipients. Data the office edits in the console rather than configuration, because they change
 * with the campaign (a new plan, a renamed office), not with the deployment.
 */
export type BulletinSettingsValues = {
  planId: string;
  documentPrefix: string;
  organ: string;
  organMark: string;
  recipients: string[];
  indicators: BulletinIndicator[];
  /** 0 while the plan has the defaults (no row yet) */
  version: number;
  updatedByName: string | null;
  updatedAt: string | null;
};

/** What a plan uses before the office sets its own. */
export const DEFAULT_SETTINGS = {
  documentPrefix: '赣新勤廉',
  organ: '勤廉新区建设领导小组办公室',
  organMark: '',
  recipients: ['各部门', '各园区', '各国有企业'],
} as const;

const valuesOf = (r: SettingsRow): BulletinSettingsValues => ({
  planId: r.planId,
  documentPrefix: r.documentPrefix,
  organ: r.organ,
  organMark: r.organMark,
  recipients: JSON.parse(r.recipients) as string[],
  indicators: JSON.parse(r.indicators) as BulletinIndicator[],
  version: r.version,
  updatedByName: r.updatedByName,
  updatedAt: r.updatedAt,
});

/** A plan's settings, or the defaults. */
export async function settingsOf(db: Executor, planId: string): Promise<BulletinSettingsValues> {
  const row = await bulletinsRepo.settingsOf(db, planId);
  if (row) return valuesOf(row);
  const { recipients, ...rest } = DEFAULT_SETTINGS;
  const indicators = DEFAULT_INDICATORS.map((i) => ({ ...i }));
  return { planId, ...rest, recipients: [...recipients], indicators, version: 0, updatedByName: null, updatedAt: null };
}

async function existingPlan(db: Executor, planId: string) {
  const plan = await planById(db, planId);
  if (!plan) throw new DomainError('not_found', 404, {}, [{ path: 'params.planId', message: 'not_found' }]);
  return plan;
}

/** The settings the office edits: 404 for no such plan. */
export async function getSettings(ctx: Ctx, planId: string): Promise<BulletinSettingsValues> {
  await existingPlan(ctx.db, planId);
  return settingsOf(ctx.db, planId);
}

/**
 * Save a plan's settings: the indicators each once, 群众评价 at 0, weights adding up to 100 (400
 * otherwise); 409 when someone saved them meanwhile. Drafts already made keep their own weights.
 */
export async function saveSettings(ctx: Ctx, planId: string, input: BulletinSettingsBody): Promise<BulletinSettingsValues> {
  const body: z.output<typeof SettingsSchema> = SettingsSchema.parse(input);
  bulletinPolicy.assert(ctx.actor!, 'manage', { status: 'draft' });
  const indicators = checkIndicators(body.indicators, ctx.lang, 'body.indicators');
  return inTransaction(ctx, async (tx) => {
    await existingPlan(tx.db, planId);
    const before = await settingsOf(tx.db, planId);
    if (before.version !== body.version) throw versionConflict();
    const row: SettingsRow = {
      planId,
      documentPrefix: body.documentPrefix,
      organ: body.organ,
      organMark: body.organMark,
      recipients: JSON.stringify(body.recipients),
      indicators: JSON.stringify(indicators),
      version: body.version + 1,
      updatedByName: tx.actor?.name ?? '系统',
      updatedAt: iso(tx.clock.now()),
    };
    const saved =
      body.version === 0
        ? await bulletinsRepo.insertSettings(tx.db, row)
        : await bulletinsRepo.updateSettings(tx.db, planId, body.version, row);
    if (!saved) throw versionConflict();
    const after = valuesOf(row);
    await recordAudit(tx, { action: 'bulletin_settings.update', entityType: 'bulletin_settings', entityId: planId, before, after });
    return after;
  });
}
