import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonCreateBody, PersonCreated, PersonUpdateBody } from '@qinlian/contracts';
import { api, download } from '../../../api/client.ts';
import { peopleParams, type PeopleFilter } from '../../../domain/org/usePeople.ts';
import { runImport, type ImportProgress } from '../../../domain/imports/runImport.ts';

/** The account's current roles are not in the contract (yet); used when the server sends them. */
export type PersonDetail = Person & { roleIds?: string[]; roles?: { id: string; name?: string }[] };

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/people/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useInvalidatePeople() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: ['departments'] });
    void qc.invalidateQueries({ queryKey: ['posts'] });
  };
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({ mutationFn: (body: PersonCreateBody) => api.post<PersonCreated>('/api/people', body), onSuccess: invalidate });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, ...body }: PersonUpdateBody & { id: string }) => api.patch<Person>(`/api/people/${id}`, body),
    onSuccess: invalidate,
  });
}

/** 批量导入人员, run in the background so that a large file shows how far it has got (onProgress). */
export function useImportPeople() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ file, dryRun, onProgress }: { file: File; dryRun: boolean; onProgress?: (p: ImportProgress) => void }) =>
      runImport('/api/people/import', file, { dryRun, onProgress }),
    meta: { silent: true },
    onSuccess: (report) => {
      if (report.committed) invalidate();
    },
  });
}

export const exportPeople = (filter: PeopleFilter) =>
  download('/api/people/export.xlsx', { ...peopleParams(filter), page: undefined, pageSize: undefined }, 'people.xlsx');
export const downloadImportTemplate = () => download('/api/people/import-template.xlsx', undefined, 'people-import-template.xlsx');

export function useSetUserRoles() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roleIds }: { userId: string; roleIds: string[] }) => api.put<unknown>(`/api/users/${userId}/roles`, { roleIds }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['people'] });
      void qc.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (userId: string) => api.post<{ password: string }>(`/api/users/${userId}/reset-password`) });
}

/** 工作照 for the badge-on-duty card (亮牌上岗): PNG, JPEG or WebP. */
export function useUploadPhoto() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Person>(`/api/people/${id}/photo`, form);
    },
    onSuccess: invalidate,
  });
}
