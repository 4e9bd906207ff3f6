import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DemandAcceptBody,
  DemandContact,
  DemandDetail,
  DemandDispatchBody,
  DemandIntakeBody,
  DemandMergeBody,
  DemandMergeResult,
  DemandPage,
  DemandQuery,
  DemandReasonBody,
  DemandReplyBody,
  DemandSimilarList,
  DemandUrgeBody,
  DemandVersionBody,
  SolicitationList,
} from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

export type DemandFilter = Omit<DemandQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const demandKeys = {
  all: ['demands'] as const,
  list: (f: DemandFilter) => ['demands', 'list', f] as const,
  one: (id: string) => ['demands', 'one', id] as const,
  similar: (id: string) => ['demands', 'similar', id] as const,
};

/** 群众诉求: a page of one box (the office's inbox, my department's, all I may see) under the filters. */
export function useDemands(filter: DemandFilter) {
  return useQuery({
    queryKey: demandKeys.list(filter),
    queryFn: ({ signal }) => api.get<DemandPage>('/api/demands', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDemand(id: string) {
  return useQuery({
    queryKey: demandKeys.one(id),
    queryFn: ({ signal }) => api.get<DemandDetail>(`/api/demands/${id}`, undefined, signal),
  });
}

/** 并单候选: the items whose words are most like this one's. */
export function useSimilarDemands(id: string, enabled: boolean) {
  return useQuery({
    queryKey: demandKeys.similar(id),
    queryFn: ({ signal }) => api.get<DemandSimilarList>(`/api/demands/${id}/similar`, undefined, signal),
    enabled,
    meta: { silent: true },
  });
}

/** The submitter's contact in full, asked for on an explicit click only: the server records each view. */
export function useRevealContact(id: string) {
  return useMutation({
    mutationFn: () => api.get<DemandContact>(`/api/demands/${id}/contact`),
    meta: { silent: true },
  });
}

/** Every step answers the item as it now is: the page shows it at once, the lists refetch. */
function useStep<B>(step: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: B & { id: string }) => api.post<DemandDetail>(`/api/demands/${id}/${step}`, body),
    meta: { silent: true },
    onSuccess: (item) => {
      qc.setQueryData(demandKeys.one(item.id), item);
      void qc.invalidateQueries({ queryKey: demandKeys.all });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export const useAccept = () => useStep<DemandAcceptBody>('accept');
export const useDispatchDemand = () => useStep<DemandDispatchBody>('dispatch');
export const useReject = () => useStep<DemandReasonBody>('reject');
export const useTake = () => useStep<DemandVersionBody>('take');
export const useSendBack = () => useStep<DemandReasonBody>('send-back');
export const useReply = () => useStep<DemandReplyBody>('reply');
export const useClose = () => useStep<DemandVersionBody>('close');
export const useHide = () => useStep<DemandReasonBody>('hide');
export const useUrge = () => useStep<DemandUrgeBody>('urge');

/**
 * 并单 (this item joins another) and 撤销并单 (it leaves again): both items change, so both are asked
 * again. Undoing from the item it joined needs the merged item's own version: it is read first.
 */
export function useMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DemandMergeBody & { id: string }) => api.post<DemandMergeResult>(`/api/demands/${id}/merge`, body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: demandKeys.all }),
  });
}

export function useUnmerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version?: number }) => {
      const current = version ?? (await api.get<DemandDetail>(`/api/demands/${id}`)).version;
      return api.post<DemandMergeResult>(`/api/demands/${id}/unmerge`, { version: current } satisfies DemandVersionBody);
    },
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: demandKeys.all }),
  });
}

/** 登记来电来信: the clerk's entry of a call or a letter. */
export function useIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DemandIntakeBody) => api.post<DemandDetail>('/api/demands', body),
    meta: { silent: true },
    onSuccess: (item) => {
      qc.setQueryData(demandKeys.one(item.id), item);
      void qc.invalidateQueries({ queryKey: demandKeys.all });
    },
  });
}

/** The letter's scan (来信扫描件), attached to the entry it belongs to. */
export function useAttachScan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<DemandDetail>(`/api/demands/${id}/attachments`, form);
    },
    meta: { silent: true },
    onSuccess: (item) => qc.setQueryData(demandKeys.one(item.id), item),
  });
}

export const downloadAttachment = (demandId: string, attachmentId: string, name: string) =>
  download(`/api/demands/${demandId}/attachments/${attachmentId}`, undefined, name);

/** The campaigns, for the list's filter and the clerk's form. */
export function useSolicitationChoices() {
  return useQuery({
    queryKey: ['solicitations', 'list'],
    queryFn: ({ signal }) => api.get<SolicitationList>('/api/solicitations', undefined, signal),
    staleTime: 60_000,
    meta: { silent: true },
  });
}
