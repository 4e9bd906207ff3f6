import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EvidenceFile,
  FiveCharGrade,
  Task,
  TaskCreateBody,
  TaskEvent,
  TaskPage,
  TaskQuery,
  TaskTransitionBody,
  TaskUpdateBody,
  WorkingDaysResponse,
} from '@qinlian/contracts';
import { api, download, type QueryParams } from '../../api/client.ts';

/** The list's query with numbers as numbers (the contract's page fields are coerced). */
export type TaskFilter = Omit<TaskQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type TaskPageData = z.infer<typeof TaskPage>;

export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: TaskFilter) => ['tasks', 'list', f] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
  events: (id: string) => ['tasks', 'events', id] as const,
};

export function taskParams(f: Omit<TaskFilter, 'page' | 'pageSize'> & { page?: number; pageSize?: number }): QueryParams {
  return {
    page: f.page,
    pageSize: f.pageSize,
    view: f.view,
    planId: f.planId,
    programmeId: f.programmeId,
    measureId: f.measureId,
    departmentId: f.departmentId,
    leaderPersonId: f.leaderPersonId,
    handlerPersonId: f.handlerPersonId,
    status: f.status,
    open: f.open,
    warning: f.warning,
    tagged: f.tagged,
    q: f.q,
    sort: f.sort,
    desk: f.desk,
  };
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(filter),
    queryFn: ({ signal }) => api.get<TaskPageData>('/api/tasks', taskParams(filter), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const exportTasks = (filter: Omit<TaskFilter, 'page' | 'pageSize'>) =>
  download('/api/tasks/export.xlsx', taskParams({ ...filter, page: undefined, pageSize: undefined }), 'tasks.xlsx');

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<Task>(`/api/tasks/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 0, // a task changes under other people's hands: always refetch on open
    meta: { silent: true },
  });
}

export function useTaskEvents(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.events(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: TaskEvent[] }>(`/api/tasks/${id}/events`, undefined, signal),
    select: (d) => d.items,
    enabled: !!id,
  });
}

/** After any change to a task: its page, every list and board, the plan's roll-up, the inbox. */
export function useTaskChanged() {
  const qc = useQueryClient();
  return (task?: Task) => {
    if (task) qc.setQueryData(taskKeys.one(task.id), task);
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    void qc.invalidateQueries({ queryKey: ['plan'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
  };
}

/** A write whose answer is the task: the form that sends it shows the errors (silent), the answer reaches every view of the task. */
export function useTaskWrite<V>(send: (v: V) => Promise<Task>) {
  const changed = useTaskChanged();
  return useMutation({ mutationFn: send, meta: { silent: true }, onSuccess: (task) => changed(task) });
}

export const useTransition = () =>
  useTaskWrite(({ id, ...body }: TaskTransitionBody & { id: string }) => api.post<Task>(`/api/tasks/${id}/transition`, body));

export function useUrge() {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message: string }) => api.post<TaskEvent>(`/api/tasks/${id}/urge`, { message }),
    meta: { silent: true },
    onSuccess: () => changed(),
  });
}

export function useInstruct() {
  const changed = useTaskChanged();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => api.post<TaskEvent>(`/api/tasks/${id}/instructions`, { text }),
    meta: { silent: true },
    onSuccess: () => changed(),
  });
}

export const useGrade = () =>
  useTaskWrite(({ id, ...body }: FiveCharGrade & { id: string; version: number }) => api.put<Task>(`/api/tasks/${id}/grade`, body));

/** 时间节点完成 (done: true) or undone, with the task's version; answers the task. */
export const useMarkMilestone = () =>
  useTaskWrite(({ id, milestoneId, version, done }: { id: string; milestoneId: string; version: number; done: boolean }) =>
    api.post<Task>(`/api/tasks/${id}/milestones/${milestoneId}/${done ? 'complete' : 'reopen'}`, { version }),
  );

export const useCreateTask = () => useTaskWrite((body: TaskCreateBody) => api.post<Task>('/api/tasks', body));

export const useUpdateTask = () =>
  useTaskWrite(({ id, ...body }: TaskUpdateBody & { id: string }) => api.patch<Task>(`/api/tasks/${id}`, body));

/** 佐证材料: one file, multipart field `file`; the answer's id goes into `fileIds`. */
export function uploadEvidence(file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<EvidenceFile>('/api/files', form);
}

/** 共 N 个工作日 between two dates, both ends counted (the one calendar service of the server). */
export function useWorkingDays(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ['calendar', 'working-days', from, to],
    queryFn: ({ signal }) => api.get<z.infer<typeof WorkingDaysResponse>>('/api/calendar/working-days', { from, to }, signal),
    select: (d) => d.count,
    enabled: !!from && !!to && from <= to,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}
