import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Rating,
  RatingAppealBody,
  RatingAppealDecisionBody,
  RatingPage,
  RatingQuery,
  RatingStats,
  RatingStatsQuery,
} from '@qinlian/contracts';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type RatingFilter = Omit<RatingQuery, 'page' | 'pageSize' | 'score'> & { score?: number; page: number; pageSize: number };

export const ratingKeys = {
  all: ['ratings'] as const,
  list: (f: RatingFilter) => ['ratings', 'list', f] as const,
  one: (id: string) => ['ratings', 'one', id] as const,
  stats: (q: RatingStatsQuery) => ['ratings', 'stats', q] as const,
};

/** 好差评 in my data scope, newest first; comments masked. */
export function useRatings(filter: RatingFilter) {
  return useQuery({
    queryKey: ratingKeys.list(filter),
    queryFn: ({ signal }) => api.get<z.infer<typeof RatingPage>>('/api/ratings', { ...filter }, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** One rating with its comment in full, its 整改 and its appeal. */
export function useRating(id: string | null) {
  return useQuery({
    queryKey: ratingKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<Rating>(`/api/ratings/${id}`, undefined, signal),
    enabled: !!id,
    meta: { silent: true },
  });
}

/** 申诉 and 复核 answer the rating as it now is: the drawer shows it at once, lists and figures are asked again. */
function useStep<B>(path: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: B & { id: string }) => api.post<Rating>(path(id), body),
    meta: { silent: true },
    onSuccess: (rating) => {
      qc.setQueryData(ratingKeys.one(rating.id), rating);
      void qc.invalidateQueries({ queryKey: ['ratings', 'list'] });
      void qc.invalidateQueries({ queryKey: ['ratings', 'stats'] });
    },
  });
}

export const useAppeal = () => useStep<RatingAppealBody>((id) => `/api/ratings/${id}/appeal`);
export const useDecideAppeal = () => useStep<RatingAppealDecisionBody>((id) => `/api/ratings/${id}/appeal/decision`);

/** 评价统计 of the filters (the last 12 months unless dates are given). */
export function useRatingStats(q: RatingStatsQuery) {
  return useQuery({
    queryKey: ratingKeys.stats(q),
    queryFn: ({ signal }) => api.get<RatingStats>('/api/ratings/stats', { ...q }, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}
