import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Solicitation, SolicitationBody, SolicitationList, SolicitationPatchBody } from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

export const solicitationKeys = { all: ['solicitations'] as const, list: ['solicitations', 'list'] as const };

/** 征集活动, the latest first. */
export function useSolicitations() {
  return useQuery({
    queryKey: solicitationKeys.list,
    queryFn: ({ signal }) => api.get<SolicitationList>('/api/solicitations', undefined, signal),
  });
}

/** 发起征集 / 修改征集: either answers the campaign as it now is. */
export function useSaveSolicitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; patch: SolicitationPatchBody } | { body: SolicitationBody }) =>
      'patch' in v ? api.patch<Solicitation>(`/api/solicitations/${v.id}`, v.patch) : api.post<Solicitation>('/api/solicitations', v.body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: solicitationKeys.all }),
  });
}

/** 征集海报: the campaign's poster with the QR code of its public page, as a PNG to print. */
export const downloadPoster = (s: Pick<Solicitation, 'id' | 'title'>) =>
  download(`/api/solicitations/${s.id}/poster.png`, undefined, `${s.title}.png`);
