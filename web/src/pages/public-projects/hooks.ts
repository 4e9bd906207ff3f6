import { useQuery } from '@tanstack/react-query';
import type { PublicLivelihoodProjects } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** 民生实事项目进展: a year's projects (the latest year with any when none is given). Errors are the page's to show. */
export function usePublicProjects(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'livelihood-projects', year ?? 'latest'],
    queryFn: ({ signal }) => api.get<PublicLivelihoodProjects>('/api/public/livelihood-projects', { year }, signal),
    meta: { silent: true },
  });
}
