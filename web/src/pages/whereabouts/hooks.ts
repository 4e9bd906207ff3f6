import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DoorBoardLink,
  PersonWhereabouts,
  PlannedAbsence,
  PlannedAbsenceCreateBody,
  PlannedAbsencePage,
  WhereaboutsBoard,
  WhereaboutsHistoryPage,
  WhereaboutsSetBody,
} from '@qinlian/contracts';
import { api } from '../../api/client.ts';
import { useLiveStream } from '../../domain/live/useLiveStream.ts';

export const whereaboutsKeys = {
  all: ['whereabouts'] as const,
  board: (departmentId: string) => ['whereabouts', 'board', departmentId] as const,
  me: ['whereabouts', 'me'] as const,
  history: (personId: string, page: number, pageSize: number) => ['whereabouts', 'history', personId, page, pageSize] as const,
  absences: ['whereabouts', 'absences'] as const,
  absencePage: (departmentId: string, page: number, pageSize: number) => ['whereabouts', 'absences', departmentId, page, pageSize] as const,
};

/** 部门去向一览: who of the department is in right now. */
export function useWhereaboutsBoard(departmentId: string | undefined) {
  return useQuery({
    queryKey: whereaboutsKeys.board(departmentId ?? ''),
    queryFn: ({ signal }) => api.get<WhereaboutsBoard>(`/api/whereabouts/departments/${departmentId}`, undefined, signal),
    enabled: !!departmentId,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** 我的去向 (never set: in the office). */
export function useMyWhereabouts(enabled: boolean) {
  return useQuery({
    queryKey: whereaboutsKeys.me,
    queryFn: ({ signal }) => api.get<PersonWhereabouts>('/api/whereabouts/me', undefined, signal),
    enabled,
    meta: { silent: true },
  });
}

/** Sets one person's whereabouts; everything showing them is asked again (the live stream would too, a moment later). */
export function useSetWhereabouts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: WhereaboutsSetBody }) =>
      api.put<PersonWhereabouts>(`/api/whereabouts/people/${personId}`, body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: whereaboutsKeys.all }),
  });
}

export function useWhereaboutsHistory(personId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: whereaboutsKeys.history(personId ?? '', page, pageSize),
    queryFn: ({ signal }) => api.get<WhereaboutsHistoryPage>(`/api/whereabouts/people/${personId}/history`, { page, pageSize }, signal),
    enabled: !!personId,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** 请假、出差、培训登记 of the department the actor may see (their own; a head's, all of the department's). */
export function usePlannedAbsences(departmentId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: whereaboutsKeys.absencePage(departmentId ?? '', page, pageSize),
    queryFn: ({ signal }) => api.get<PlannedAbsencePage>('/api/whereabouts/planned-absences', { departmentId, page, pageSize }, signal),
    enabled: !!departmentId,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

export function useRegisterAbsence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlannedAbsenceCreateBody) => api.post<PlannedAbsence>('/api/whereabouts/planned-absences', body),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: whereaboutsKeys.all }),
  });
}

export function useCancelAbsence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<PlannedAbsence>(`/api/whereabouts/planned-absences/${id}`),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: whereaboutsKeys.all }),
  });
}

/** The department's door-board code (made on the first ask). */
export const fetchDoorBoardLink = (departmentId: string) =>
  api.get<DoorBoardLink>(`/api/whereabouts/departments/${departmentId}/door-board`);

/**
 * Keeps the overview live: every change in the department (set by hand, or by a planned absence at
 * its start or end) refetches the board, one's own card and the absences; so does a new stream.
 */
export function useWhereaboutsLive(departmentId: string | undefined) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: whereaboutsKeys.all });
  return useLiveStream(departmentId ? `/api/whereabouts/departments/${encodeURIComponent(departmentId)}/live` : null, {
    events: ['whereabouts.changed'],
    onRefresh: refresh,
    onEvent: refresh,
  });
}
