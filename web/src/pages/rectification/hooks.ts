import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Rectification,
  RectificationAssignBody,
  RectificationCreateBody,
  RectificationPage,
  RectificationQuery,
  RectificationReturnBody,
  RectificationRevisitBody,
  RectificationSubmitBody,
  RectificationVerifyBody,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export type RectificationFilter = Omit<RectificationQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const rectificationKeys = {
  all: ['rectifications'] as const,
  list: (f: RectificationFilter) => ['rectifications', 'list', f] as const,
  one: (id: string) => ['rectifications', 'one', id] as const,
};

/** 整改事项: a page of those my data scope covers, with the count of each status tab. */
export function useRectifications(filter: RectificationFilter) {
  return useQuery({
    queryKey: rectificationKeys.list(filter),
    queryFn: ({ signal }) => api.get<RectificationPage>('/api/rectifications', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRectification(id: string) {
  return useQuery({
    queryKey: rectificationKeys.one(id),
    queryFn: ({ signal }) => api.get<Rectification>(`/api/rectifications/${id}`, undefined, signal),
  });
}

/** Every step answers the item as it now is: the page shows it at once, the lists refetch. */
function useStep<B>(step: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: B & { id: string }) => api.post<Rectification>(`/api/rectifications/${id}/${step}`, body),
    meta: { silent: true },
    onSuccess: (item) => {
      qc.setQueryData(rectificationKeys.one(item.id), item);
      void qc.invalidateQueries({ queryKey: rectificationKeys.all });
    },
  });
}

export const useAssign = () => useStep<RectificationAssignBody>('assign');
export const useSubmit = () => useStep<RectificationSubmitBody>('submit');
export const useVerify = () => useStep<RectificationVerifyBody>('verify');
export const useReturn = () => useStep<RectificationReturnBody>('return');
export const useRevisit = () => useStep<RectificationRevisitBody>('revisit');

export function useOpenRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RectificationCreateBody) => api.post<Rectification>('/api/rectifications', body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: rectificationKeys.all }),
  });
}
