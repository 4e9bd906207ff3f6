import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage, AuditQuery, AuditVerifyResult } from '@qinlian/contracts';
import { api } from '../../../api/client.ts';

/** The audit query with numbers as numbers (the contract's page fields are coerced). */
export type AuditFilter = Omit<z.input<typeof AuditQuery>, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api.get<z.infer<typeof AuditPage>>('/api/audit', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify') });
}
