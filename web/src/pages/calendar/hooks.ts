import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarOverride, CalendarOverrideList, CalendarYear } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** The year's days that break the Monday–Friday rule: holidays, 调休 working weekends, local overrides. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => api.get<CalendarYear>('/api/calendar/year', { year }, signal),
  });
}

export function useOverrides(year: number) {
  return useQuery({
    queryKey: ['calendar', 'overrides', year],
    queryFn: ({ signal }) => api.get<z.infer<typeof CalendarOverrideList>>('/api/calendar/overrides', { year }, signal),
    select: (d) => d.items,
  });
}

function useCalendarChange<V>(mutationFn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar'] }) });
}

export const useSetOverride = () => useCalendarChange((o: CalendarOverride) => api.put<unknown>('/api/calendar/overrides', o));
export const useRemoveOverride = () => useCalendarChange((date: string) => api.delete<unknown>(`/api/calendar/overrides/${date}`));
