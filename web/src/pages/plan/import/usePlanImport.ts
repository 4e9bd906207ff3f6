import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

/**
 * 计划导入 as one request: `dryRun` checks every row and writes nothing. The report is all this
 * page reads; a background import with progress (ImportJob, `background=true`) would change only
 * this hook.
 */
export function usePlanImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, file, dryRun }: { planId: string; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ImportReport>(`/api/plans/${planId}/import`, form, { dryRun: String(dryRun) });
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
