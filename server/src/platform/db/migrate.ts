import { Migrator, type Migration } from 'kysely/migration';
import type { Db } from './database.ts';
import * as orgAuthAudit from './migrations/20261125T1330_org_auth_audit.ts';
import * as calendarOverrides from './migrations/20261125T1430_calendar_overrides.ts';
import * as campaignPlanTasks from './migrations/20261125T1500_campaign_plan_tasks.ts';
import * as jobsNotifications from './migrations/20261125T1510_jobs_notifications.ts';
import * as taskCountersTaggedIdx from './migrations/20261125T1515_task_counters_tagged_idx.ts';
import * as taskCodeCounters from './migrations/20261125T1600_task_code_counters.ts';
import * as notificationEnglish from './migrations/20261125T1605_notification_english.ts';
import * as milestoneDone from './migrations/20261125T1610_milestone_done.ts';
import * as taskSearch from './migrations/20261125T1620_task_search.ts';
import * as signInByAddress from './migrations/20261207T0200_sign_in_by_address.ts';
import * as auditSealsCheckpoints from './migrations/20261207T0310_audit_seals_checkpoints.ts';
import * as apiTokenScope from './migrations/20261207T0320_api_token_scope.ts';
import * as taskWorkflow from './migrations/20261207T0330_task_workflow.ts';
import * as instructionsDesk from './migrations/20261207T0340_instructions_desk.ts';
import * as taskEventEnglish from './migrations/20261207T0430_task_event_english.ts';
import * as timeLimits from './migrations/20261207T0500_time_limits.ts';
import * as rectification from './migrations/20261207T0510_rectification.ts';
import * as whereabouts from './migrations/20261207T0520_whereabouts.ts';
import * as enquiries from './migrations/20261207T0530_enquiries.ts';
import * as badgesRatings from './migrations/20261207T0540_badges_ratings.ts';
import * as demands from './migrations/20261207T1500_demands.ts';
import * as demandWords from './migrations/20261207T1510_demand_words.ts';
import * as demandClusters from './migrations/20261207T1800_demand_clusters.ts';
import * as demandUrgingMailIds from './migrations/20261207T1810_demand_urging_mail_ids.ts';
import * as demandSubmitterKey from './migrations/20261207T1900_demand_submitter_key.ts';
import * as tasksBoardIdx from './migrations/20261208T0100_tasks_board_idx.ts';
import * as documentNumbers from './migrations/20261208T0110_document_numbers.ts';
import * as auditSigningKeys from './migrations/20261208T0120_audit_signing_keys.ts';
import * as dispatch from './migrations/20261208T0130_dispatch.ts';
import * as bulletins from './migrations/20261208T0140_bulletins.ts';
import * as summaries from './migrations/20261208T0150_summaries.ts';

/** Timestamped, never edited after they land; the same list runs on SQLite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '20261125T1330_org_auth_audit': orgAuthAudit,
  '20261125T1430_calendar_overrides': calendarOverrides,
  '20261125T1500_campaign_plan_tasks': campaignPlanTasks,
  '20261125T1510_jobs_notifications': jobsNotifications,
  '20261125T1515_task_counters_tagged_idx': taskCountersTaggedIdx,
  '20261125T1600_task_code_counters': taskCodeCounters,
  '20261125T1605_notification_english': notificationEnglish,
  '20261125T1610_milestone_done': milestoneDone,
  '20261125T1620_task_search': taskSearch,
  '20261207T0200_sign_in_by_address': signInByAddress,
  '20261207T0310_audit_seals_checkpoints': auditSealsCheckpoints,
  '20261207T0320_api_token_scope': apiTokenScope,
  '20261207T0330_task_workflow': taskWorkflow,
  '20261207T0340_instructions_desk': instructionsDesk,
  '20261207T0430_task_event_english': taskEventEnglish,
  '20261207T0500_time_limits': timeLimits,
  '20261207T0510_rectification': rectification,
  '20261207T0520_whereabouts': whereabouts,
  '20261207T0530_enquiries': enquiries,
  '20261207T0540_badges_ratings': badgesRatings,
  '20261207T1500_demands': demands,
  '20261207T1510_demand_words': demandWords,
  '20261207T1800_demand_clusters': demandClusters,
  '20261207T1810_demand_urging_mail_ids': demandUrgingMailIds,
  '20261207T1900_demand_submitter_key': demandSubmitterKey,
  '20261208T0100_tasks_board_idx': tasksBoardIdx,
  '20261208T0110_document_numbers': documentNumbers,
  '20261208T0120_audit_signing_keys': auditSigningKeys,
  '20261208T0130_dispatch': dispatch,
  '20261208T0140_bulletins': bulletins,
  '20261208T0150_summaries': summaries,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
