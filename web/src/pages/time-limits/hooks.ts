import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimeLimitKind, TimeLimitRule, TimeLimitRuleList, TimeLimitStats, TimeLimitStatsQuery } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** 办结时限: the rule table, in the kinds' order. */
export function useTimeLimitRules() {
  return useQuery({
    queryKey: ['time-limits', 'rules'],
    queryFn: ({ signal }) => api.get<TimeLimitRuleList>('/api/time-limits', undefined, signal),
    select: (d) => d.items,
  });
}

export function useUpdateTimeLimit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: TimeLimitKind; workingDays: number }) =>
      api.put<TimeLimitRule>(`/api/time-limits/${v.kind}`, { workingDays: v.workingDays }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['time-limits'] }),
  });
}

/** 按期办结统计 of the filters (kind, department, due dates). */
export function useOnTimeStats(q: TimeLimitStatsQuery) {
  return useQuery({
    queryKey: ['time-limits', 'stats', q],
    queryFn: ({ signal }) => api.get<TimeLimitStats>('/api/time-limits/stats', q, signal),
    placeholderData: (previous) => previous,
  });
}
