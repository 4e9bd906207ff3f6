import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonAccountBody, PersonCreated } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** 开通账号 for a registered person (POST /api/people/:id/account): the answer carries the initial password, shown once. */
export function useOpenAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, ...body }: PersonAccountBody & { personId: string }) =>
      api.post<PersonCreated>(`/api/people/${personId}/account`, body),
    meta: { silent: true }, // the dialog shows the server's answer beside the field, or above the form
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      void qc.invalidateQueries({ queryKey: ['people'] });
      void qc.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}
