import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnquiryCreateBody,
  EnquiryDetail,
  EnquiryHandoverBody,
  EnquiryPage,
  EnquiryQuery,
  EnquiryReplyBody,
  PostList,
} from '@qinlian/contracts';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type EnquiryFilter = Omit<EnquiryQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const enquiryKeys = {
  all: ['enquiries'] as const,
  list: (f: EnquiryFilter) => ['enquiries', 'list', f] as const,
  one: (id: string) => ['enquiries', 'one', id] as const,
};

/** 首问事项: a page of one box (mine, awaiting my acceptance, my department's, all I may see). */
export function useEnquiries(filter: EnquiryFilter) {
  return useQuery({
    queryKey: enquiryKeys.list(filter),
    queryFn: ({ signal }) => api.get<EnquiryPage>('/api/enquiries', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnquiry(id: string | null) {
  return useQuery({
    queryKey: enquiryKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<EnquiryDetail>(`/api/enquiries/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Every step answers the enquiry as it now is: the drawer shows it at once, the lists and the inbox refetch. */
function useStep<V extends { id: string }>(call: (v: V) => { path: string; body: object }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => {
      const { path, body } = call(v);
      return api.post<EnquiryDetail>(`/api/enquiries/${v.id}/${path}`, body);
    },
    meta: { silent: true },
    onSuccess: (item) => {
      qc.setQueryData(enquiryKeys.one(item.id), item);
      void qc.invalidateQueries({ queryKey: enquiryKeys.all });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export const useRegisterEnquiry = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnquiryCreateBody) => api.post<EnquiryDetail>('/api/enquiries', body),
    meta: { silent: true },
    onSuccess: (item) => {
      qc.setQueryData(enquiryKeys.one(item.id), item);
      void qc.invalidateQueries({ queryKey: enquiryKeys.all });
    },
  });
};

type Versioned = { id: string; version: number };
export const useHandOver = () => useStep(({ id: _, ...body }: EnquiryHandoverBody & { id: string }) => ({ path: 'handovers', body }));
/** accept / decline / cancel the hand-over `hid` */
export const useDecide = () =>
  useStep((v: { id: string; hid: string; decision: 'accept' | 'decline' | 'cancel'; note?: string }) => ({
    path: `handovers/${v.hid}/${v.decision}`,
    body: v.note ? { note: v.note } : {},
  }));
export const useReply = () => useStep(({ id: _, ...body }: EnquiryReplyBody & { id: string }) => ({ path: 'reply', body }));
export const useClose = () => useStep((v: Versioned) => ({ path: 'close', body: { version: v.version } }));
export const useTakeBack = () => useStep((v: Versioned) => ({ path: 'take-back', body: { version: v.version } }));

/** The live posts of a department, for the hand-over's post picker. */
export function useDepartmentPosts(departmentId: string | null | undefined) {
  return useQuery({
    queryKey: ['posts', 'list', { departmentId }],
    queryFn: ({ signal }) => api.get<z.infer<typeof PostList>>('/api/posts', { departmentId: departmentId ?? undefined }, signal),
    enabled: !!departmentId,
    meta: { silent: true },
  });
}
