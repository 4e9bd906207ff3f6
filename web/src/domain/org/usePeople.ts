import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PeoplePage, PeopleQuery } from '@qinlian/contracts';
import { api, type QueryParams } from '../../api/client.ts';

/** The list's query, with numbers as numbers (the contract's page fields are coerced strings). */
export type PeopleFilter = Omit<PeopleQuery, 'page' | 'pageSize' | 'subtree'> & { page: number; pageSize: number; subtree?: boolean };
export type PeoplePageData = z.infer<typeof PeoplePage>;

export function peopleParams(f: PeopleFilter): QueryParams {
  return {
    page: f.page,
    pageSize: f.pageSize,
    departmentId: f.departmentId,
    subtree: f.departmentId ? String(f.subtree ?? true) : undefined,
    q: f.q,
    status: f.status,
  };
}

export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ['people', 'list', filter],
    queryFn: ({ signal }) => api.get<PeoplePageData>('/api/people', peopleParams(filter), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
