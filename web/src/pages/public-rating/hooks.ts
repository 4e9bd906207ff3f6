import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicBadge, PublicDepartmentRatings, PublicEnquiry, RatingReceipt, RatingSubmitBody } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** The public pages' data. Errors are shown by each page (meta.silent): there is no console toast here. */
const code = (c: string) => encodeURIComponent(c);

/** The public answers each page reads (also asked for at start-up: preload.ts). */
export const publicUrls = {
  badge: (c: string) => `/api/public/badges/${code(c)}`,
  enquiry: (c: string) => `/api/public/enquiries/${code(c)}`,
  results: (c: string) => `/api/public/departments/${code(c)}/ratings`,
};

export const publicKeys = {
  badge: (c: string) => ['public', 'badge', c] as const,
  enquiry: (c: string) => ['public', 'enquiry', c] as const,
  results: (c: string) => ['public', 'results', c] as const,
};

/** 亮牌: the badge behind a QR code. */
export function usePublicBadge(c: string) {
  return useQuery({
    queryKey: publicKeys.badge(c),
    queryFn: ({ signal }) => api.get<PublicBadge>(publicUrls.badge(c), undefined, signal),
    meta: { silent: true },
  });
}

/** 首问事项 as its enquirer sees it by the tracking code. */
export function usePublicEnquiry(c: string) {
  return useQuery({
    queryKey: publicKeys.enquiry(c),
    queryFn: ({ signal }) => api.get<PublicEnquiry>(publicUrls.enquiry(c), undefined, signal),
    meta: { silent: true },
  });
}

/** 评价结果公示 of one department. */
export function useDepartmentResults(c: string) {
  return useQuery({
    queryKey: publicKeys.results(c),
    queryFn: ({ signal }) => api.get<PublicDepartmentRatings>(publicUrls.results(c), undefined, signal),
    meta: { silent: true },
  });
}

/** Where a rating of a badge or of a closed enquiry is sent. */
export const badgeRatingPath = (c: string) => `${publicUrls.badge(c)}/ratings`;
export const enquiryRatingPath = (c: string) => `${publicUrls.enquiry(c)}/ratings`;

/** Sends a rating; afterwards the page's own figures are asked again (the badge's summary counts it). */
export function useSendRating(path: string, refresh: readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingSubmitBody) => api.post<RatingReceipt>(path, body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: refresh }),
  });
}
