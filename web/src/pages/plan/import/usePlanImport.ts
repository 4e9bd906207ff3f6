import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport, PlanImportQuery } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

/**
 * 计划导入 as one request: `dryRun` checks every row and writes nothing; `backfill` (补录, holders of
 * tasks.backfill) lets rows be due before today or outside the plan's period. The report is all this
 * page reads; a background import with progress (ImportJob, `background=true`) would change only
 * this hook.
 */
export function usePlanImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, file, dryRun, backfill }: { planId: string; file: File; dryRun: boolean; backfill: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      const query: PlanImportQuery = { dryRun: String(dryRun) as 'true' | 'false', ...(backfill ? { backfill: 'true' as const } : {}) };
      return api.upload<ImportReport>(`/api/plans/${planId}/import`, form, query);
    },
    meta: { silent: true },
    onSuccess: (report) => {
      if (report.committed) {
        void qc.invalidateQueries({ queryKey: ['plan'] });
        void qc.invalidateQueries({ queryKey: ['tasks'] });
      }
    },
  });
}
