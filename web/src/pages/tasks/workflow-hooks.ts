import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DepartmentReview,
  DispatchBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ShareReportBody,
  Task,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';
import { useTaskChanged, useTaskWrite } from './hooks.ts';

/** 分办: to a post or a person of the lead department; answers the task. */
export const useDispatch = () =>
  useTaskWrite(({ id, ...body }: DispatchBody & { id: string }) => api.post<Task>(`/api/tasks/${id}/dispatch`, body));

/** 延期申请: a new due date and the reason. */
export const useRequestExtension = () =>
  useTaskWrite(({ id, ...body }: ExtensionRequestBody & { id: string }) => api.post<Task>(`/api/tasks/${id}/extensions`, body));

/** 延期审批: grant or refuse the pending request. */
export const useDecideExtension = () =>
  useTaskWrite(({ id, ...body }: ExtensionDecisionBody & { id: string }) => api.post<Task>(`/api/tasks/${id}/extensions/decision`, body));

/** 协办报送: a cooperating department's report on its own sub-item. */
export const useReportShare = () =>
  useTaskWrite(({ id, departmentId, ...body }: ShareReportBody & { id: string; departmentId: string }) =>
    api.post<Task>(`/api/tasks/${id}/cooperation/${departmentId}/report`, body),
  );

/** 部门审核 on or off for a department; the task page refetches to show it. */
export function useDepartmentReview() {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: ({ departmentId, review }: { departmentId: string; review: boolean }) =>
      api.put<z.infer<typeof DepartmentReview>>(`/api/tasks/department-review/${departmentId}`, { review }),
    meta: { silent: true },
    onSuccess: () => changed(),
  });
}
