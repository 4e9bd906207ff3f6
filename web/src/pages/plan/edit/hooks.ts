import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Measure,
  MeasureCreateBody,
  MeasureUpdateBody,
  Plan,
  PlanCreateBody,
  PlanUpdateBody,
  Programme,
  ProgrammeCreateBody,
  ProgrammeUpdateBody,
} from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

/** A change to the plan shows in every plan view: the list, the roll-up, the cards. Forms show their own errors. */
function usePlanChange<T, V>(mutationFn: (v: V) => Promise<T>, silent = true) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, meta: { silent }, onSuccess: () => void qc.invalidateQueries({ queryKey: ['plan'] }) });
}

export const useCreatePlan = () => usePlanChange((body: PlanCreateBody) => api.post<Plan>('/api/plans', body));
export const useUpdatePlan = () =>
  usePlanChange(({ id, ...body }: PlanUpdateBody & { id: string }) => api.patch<Plan>(`/api/plans/${id}`, body));
export const useCreateProgramme = () => usePlanChange((body: ProgrammeCreateBody) => api.post<Programme>('/api/plan/programmes', body));
export const useUpdateProgramme = (silent = true) =>
  usePlanChange(
    ({ id, ...body }: z.infer<typeof ProgrammeUpdateBody> & { id: string }) => api.patch<Programme>(`/api/plan/programmes/${id}`, body),
    silent,
  );
export const useCreateMeasure = () => usePlanChange((body: MeasureCreateBody) => api.post<Measure>('/api/plan/measures', body));
export const useUpdateMeasure = (silent = true) =>
  usePlanChange(
    ({ id, ...body }: z.infer<typeof MeasureUpdateBody> & { id: string }) => api.patch<Measure>(`/api/plan/measures/${id}`, body),
    silent,
  );

type Sortable = { id: string; sort: number; version: number };

/**
 * 调整顺序: move one item up or down among its siblings and number them 1, 2, 3 … — only the ones
 * whose number changes are saved (imports leave equal numbers behind, which a swap could not order).
 */
export function reorderPatches<T extends Sortable>(
  siblings: T[],
  id: string,
  step: -1 | 1,
): { id: string; sort: number; version: number }[] {
  const order = [...siblings].sort((a, b) => a.sort - b.sort);
  const at = order.findIndex((s) => s.id === id);
  const to = at + step;
  if (at < 0 || to < 0 || to >= order.length) return [];
  [order[at], order[to]] = [order[to]!, order[at]!];
  return order.flatMap((s, i) => (s.sort === i + 1 ? [] : [{ id: s.id, sort: i + 1, version: s.version }]));
}
