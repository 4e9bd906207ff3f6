import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Bulletin,
  BulletinCommentBody,
  BulletinDraftBody,
  BulletinEditBody,
  BulletinPage,
  BulletinPreview,
  BulletinPublishBody,
  BulletinQuery,
  BulletinSettings,
  BulletinSettingsBody,
} from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

export type BulletinFilter = Pick<BulletinQuery, 'planId' | 'status'> & { year?: number; page: number; pageSize: number };

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (f: BulletinFilter) => ['bulletins', 'list', f] as const,
  one: (id: string) => ['bulletins', 'one', id] as const,
  preview: (id: string, version: number) => ['bulletins', 'preview', id, version] as const,
  settings: (planId: string) => ['bulletins', 'settings', planId] as const,
};

/** 季度通报, newest quarter first, with the latest ended quarter. */
export function useBulletins(filter: BulletinFilter, enabled = true) {
  return useQuery({
    queryKey: bulletinKeys.list(filter),
    queryFn: ({ signal }) => api.get<BulletinPage>('/api/bulletins', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBulletin(id: string) {
  return useQuery({
    queryKey: bulletinKeys.one(id),
    queryFn: ({ signal }) => api.get<Bulletin>(`/api/bulletins/${id}`, undefined, signal),
  });
}

/** The HTML preview of this version of the bulletin (escaped by the server). */
export function useBulletinPreview(id: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.preview(id, version),
    queryFn: ({ signal }) => api.get<BulletinPreview>(`/api/bulletins/${id}/preview`, undefined, signal),
    enabled,
  });
}

export function useBulletinSettings(planId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.settings(planId ?? ''),
    queryFn: ({ signal }) => api.get<BulletinSettings>(`/api/bulletin-settings/${planId}`, undefined, signal),
    enabled: enabled && !!planId,
  });
}

export function useSaveSettings(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulletinSettingsBody) => api.put<BulletinSettings>(`/api/bulletin-settings/${planId}`, body),
    meta: { silent: true },
    onSuccess: (s) => qc.setQueryData(bulletinKeys.settings(planId), s),
  });
}

/** Every change answers the bulletin as it now is: the page shows it at once, the lists refetch. */
function useBulletinChange<B>(send: (body: B) => Promise<Bulletin>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (b) => {
      qc.setQueryData(bulletinKeys.one(b.id), b);
      void qc.invalidateQueries({ queryKey: bulletinKeys.all });
    },
  });
}

type On<B> = B & { id: string };
const step = (path: string) => (b: { id: string; version: number }) =>
  api.post<Bulletin>(`/api/bulletins/${b.id}/${path}`, { version: b.version });

export const useDraftBulletin = () => useBulletinChange((body: BulletinDraftBody) => api.post<Bulletin>('/api/bulletins', body));
export const useEditBulletin = () =>
  useBulletinChange(({ id, ...body }: On<BulletinEditBody>) => api.put<Bulletin>(`/api/bulletins/${id}`, body));
export const useRecompute = () => useBulletinChange(step('recompute'));
export const useSubmit = () => useBulletinChange(step('submit'));
export const useReturnToDraft = () => useBulletinChange(step('return'));
export const usePublish = () =>
  useBulletinChange(({ id, ...body }: On<BulletinPublishBody>) => api.post<Bulletin>(`/api/bulletins/${id}/publish`, body));
export const useAddComment = () =>
  useBulletinChange(({ id, ...body }: On<BulletinCommentBody>) => api.post<Bulletin>(`/api/bulletins/${id}/comments`, body));
export const useRemoveComment = () =>
  useBulletinChange(({ id, commentId }: { id: string; commentId: string }) =>
    api.delete<Bulletin>(`/api/bulletins/${id}/comments/${commentId}`),
  );

/** 下载: the DOCX, or its tables as XLSX, under the name the server gives. */
export const downloadBulletin = (id: string, kind: 'document.docx' | 'tables.xlsx') =>
  download(`/api/bulletins/${id}/${kind}`, undefined, kind === 'document.docx' ? 'bulletin.docx' : 'bulletin-tables.xlsx');
