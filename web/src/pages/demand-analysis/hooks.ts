import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DemandAnalysis,
  DemandAnalysisRecomputeBody,
  DemandClusterDetail,
  DemandClusterEvaluationBody,
  DemandClusterSelectBody,
  DemandClusterWithdrawBody,
  SolicitationList,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export const analysisKeys = {
  all: ['demand-analysis'] as const,
  analysis: (solicitationId: string) => ['demand-analysis', 'campaign', solicitationId] as const,
  cluster: (id: string) => ['demand-analysis', 'cluster', id] as const,
};

/** The campaigns to choose from, the latest first. */
export function useCampaigns() {
  return useQuery({
    queryKey: ['solicitations', 'list'],
    queryFn: ({ signal }) => api.get<SolicitationList>('/api/solicitations', undefined, signal),
    staleTime: 60_000,
  });
}

/** A campaign's kept analysis (as last recomputed). */
export function useAnalysis(solicitationId: string | undefined) {
  return useQuery({
    queryKey: analysisKeys.analysis(solicitationId ?? ''),
    queryFn: ({ signal }) => api.get<DemandAnalysis>(`/api/solicitations/${solicitationId}/analysis`, undefined, signal),
    enabled: !!solicitationId,
  });
}

/** 重新计算: answers the new analysis, shown at once. */
export function useRecompute(solicitationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DemandAnalysisRecomputeBody) => api.post<DemandAnalysis>(`/api/solicitations/${solicitationId}/analysis`, body),
    meta: { silent: true },
    onSuccess: (a) => {
      qc.setQueryData(analysisKeys.analysis(solicitationId), a);
      void qc.invalidateQueries({ queryKey: ['demand-analysis', 'cluster'] });
    },
  });
}

export function useCluster(id: string | null) {
  return useQuery({
    queryKey: analysisKeys.cluster(id ?? ''),
    queryFn: ({ signal }) => api.get<DemandClusterDetail>(`/api/demand-clusters/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Every step answers the cluster as it now stands: the drawer shows it, the analysis is asked again. */
function useStep<B>(method: 'post' | 'put', path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: B & { id: string }) => api[method]<DemandClusterDetail>(`/api/demand-clusters/${id}/${path}`, body),
    meta: { silent: true },
    onSuccess: (c) => {
      qc.setQueryData(analysisKeys.cluster(c.id), c);
      void qc.invalidateQueries({ queryKey: analysisKeys.analysis(c.solicitationId) });
    },
  });
}

export const useMark = () => useStep<{ version: number }>('post', 'mark');
export const useEvaluate = () => useStep<DemandClusterEvaluationBody>('put', 'evaluation');
export const useSelectProject = () => useStep<DemandClusterSelectBody>('post', 'select');
export const useWithdrawProject = () => useStep<DemandClusterWithdrawBody>('post', 'withdraw');
