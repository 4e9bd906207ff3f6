import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Plan, Rollup } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

const PLAN_KEY = 'qinlian.planId';

export function usePlans(enabled = true) {
  return useQuery({
    queryKey: ['plan', 'list'],
    queryFn: ({ signal }) => api.get<{ items: Plan[] }>('/api/plans', undefined, signal),
    select: (d) => d.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

function defaultPlan(plans: Plan[]): Plan | undefined {
  const year = new Date().getFullYear();
  return plans.find((p) => p.year === year) ?? [...plans].sort((a, b) => b.year - a.year)[0];
}

/** The plan the supervision pages show: the one chosen last (kept in localStorage), else this year's. */
export function useCurrentPlan(enabled = true) {
  const plans = usePlans(enabled);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return localStorage.getItem(PLAN_KEY);
    } catch {
      return null;
    }
  });
  const items = plans.data ?? [];
  const plan = items.find((p) => p.id === chosen) ?? defaultPlan(items);
  const choose = (id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(PLAN_KEY, id);
    } catch {
      /* not kept */
    }
  };
  return { plan, plans: items, choose, isLoading: plans.isLoading };
}

export function useRollup(planId: string | undefined) {
  return useQuery({
    queryKey: ['plan', 'rollup', planId],
    queryFn: ({ signal }) => api.get<Rollup>(`/api/plans/${planId}/rollup`, undefined, signal),
    enabled: !!planId,
  });
}

export type ProgrammeLeader = { personId: string; name: string | null; programmeId: string; programmeName: string };

/** 一名领导牵头一个项目: the leaders in charge of the programmes, once each, named by the server. */
export function useProgrammeLeaders(rollup: Rollup | undefined): ProgrammeLeader[] {
  const seen = new Set<string>();
  return (rollup?.programmes ?? []).flatMap((p) => {
    if (!p.leaderPersonId || seen.has(p.leaderPersonId)) return [];
    seen.add(p.leaderPersonId);
    return [{ personId: p.leaderPersonId, name: p.leaderName, programmeId: p.id, programmeName: p.name }];
  });
}
