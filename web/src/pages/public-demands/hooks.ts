import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicDemand,
  PublicDemandRatingBody,
  PublicDemandReceipt,
  PublicDemandReopenBody,
  PublicDemandSubmitBody,
  PublicSolicitation,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** The public loop's data. Errors are shown by each page (meta.silent): there is no console toast here. */
const enc = (code: string) => encodeURIComponent(code);

export const publicDemandKeys = {
  demand: (code: string) => ['public', 'demand', code] as const,
  solicitation: (code: string) => ['public', 'solicitation', code] as const,
};

/** 办理进度: the submission as its submitter sees it by the tracking code. */
export function usePublicDemand(code: string) {
  return useQuery({
    queryKey: publicDemandKeys.demand(code),
    queryFn: ({ signal }) => api.get<PublicDemand>(`/api/public/demands/${enc(code)}`, undefined, signal),
    meta: { silent: true },
  });
}

/** 征集活动: what a campaign asks, until when, and whether it still takes suggestions. */
export function usePublicSolicitation(code: string) {
  return useQuery({
    queryKey: publicDemandKeys.solicitation(code),
    queryFn: ({ signal }) => api.get<PublicSolicitation>(`/api/public/solicitations/${enc(code)}`, undefined, signal),
    meta: { silent: true },
  });
}

/** 我要反映 / 我有建议: one submission, answered with its tracking code. */
export function useSubmitDemand() {
  return useMutation({
    mutationFn: (body: PublicDemandSubmitBody) => api.post<PublicDemandReceipt>('/api/public/demands', body),
    meta: { silent: true },
  });
}

/** Rating and reopening answer the item as it now is: the tracking page shows it at once. */
function useTrackedStep<B>(code: string, step: 'rating' | 'reopen') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<PublicDemand>(`/api/public/demands/${enc(code)}/${step}`, body),
    meta: { silent: true },
    onSuccess: (demand) => qc.setQueryData(publicDemandKeys.demand(code), demand),
  });
}

export const useRateDemand = (code: string) => useTrackedStep<PublicDemandRatingBody>(code, 'rating');
export const useReopenDemand = (code: string) => useTrackedStep<PublicDemandReopenBody>(code, 'reopen');
