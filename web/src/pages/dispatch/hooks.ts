import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DispatchCloseBody,
  DispatchDecisionBody,
  DispatchDraftBody,
  DispatchMakeTaskBody,
  DispatchMeetingBody,
  DispatchSheet,
  DispatchSheetEditBody,
  DispatchSheetPage,
  DispatchSheetQuery,
} from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

export type SheetFilter = Omit<DispatchSheetQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const dispatchKeys = {
  all: ['dispatch'] as const,
  list: (f: SheetFilter) => ['dispatch', 'list', f] as const,
  one: (id: string) => ['dispatch', 'one', id] as const,
};

/** 调度单 by week, newest first, with this week's dates. */
export function useDispatchSheets(filter: SheetFilter, enabled = true) {
  return useQuery({
    queryKey: dispatchKeys.list(filter),
    queryFn: ({ signal }) => api.get<DispatchSheetPage>('/api/dispatch/sheets', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDispatchSheet(id: string) {
  return useQuery({
    queryKey: dispatchKeys.one(id),
    queryFn: ({ signal }) => api.get<DispatchSheet>(`/api/dispatch/sheets/${id}`, undefined, signal),
  });
}

/** Every change answers the sheet as it now is: the page shows it at once, the lists refetch (and `also`). */
function useSheetChange<B>(send: (body: B) => Promise<DispatchSheet>, also?: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (sheet) => {
      qc.setQueryData(dispatchKeys.one(sheet.id), sheet);
      void qc.invalidateQueries({ queryKey: dispatchKeys.all });
      if (also) void qc.invalidateQueries({ queryKey: also });
    },
  });
}

type On<B> = B & { id: string };
export const useDraftSheet = () => useSheetChange((body: DispatchDraftBody) => api.post<DispatchSheet>('/api/dispatch/sheets', body));
export const useEditSheet = () =>
  useSheetChange(({ id, ...body }: On<DispatchSheetEditBody>) => api.put<DispatchSheet>(`/api/dispatch/sheets/${id}`, body));
export const useRecordMeeting = () =>
  useSheetChange(({ id, ...body }: On<DispatchMeetingBody>) => api.put<DispatchSheet>(`/api/dispatch/sheets/${id}/meeting`, body));
export const useAddDecision = () =>
  useSheetChange(({ id, ...body }: On<DispatchDecisionBody>) => api.post<DispatchSheet>(`/api/dispatch/sheets/${id}/decisions`, body));
export const useRemoveDecision = () =>
  useSheetChange(({ id, decisionId, version }: { id: string; decisionId: string; version: number }) =>
    api.delete<DispatchSheet>(`/api/dispatch/sheets/${id}/decisions/${decisionId}?version=${version}`),
  );
/** 转为督办任务: one click; the task lists learn of the new task too. */
export const useMakeTask = () =>
  useSheetChange(
    ({ id, decisionId, ...body }: On<DispatchMakeTaskBody> & { decisionId: string }) =>
      api.post<DispatchSheet>(`/api/dispatch/sheets/${id}/decisions/${decisionId}/task`, body),
    ['tasks'],
  );
export const useCloseSheet = () =>
  useSheetChange(({ id, ...body }: On<DispatchCloseBody>) => api.post<DispatchSheet>(`/api/dispatch/sheets/${id}/close`, body));

/** 调度单 as the official document (DOCX) or its tables (XLSX), saved under the server's file name. */
export const downloadSheetDocument = (id: string, kind: 'docx' | 'xlsx') =>
  download(`/api/dispatch/sheets/${id}/document.${kind}`, undefined, `dispatch.${kind}`);
