import { useQuery } from '@tanstack/react-query';
import type { AuditCheckpointCheck, AuditCheckpointQuery, AuditSigningKeys } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

/** 公告验证: the bulletin's head (and signature) held to today's chain; nothing is asked until a head is given. */
export function useCheckpointCheck(query: AuditCheckpointQuery | null) {
  return useQuery({
    queryKey: ['public', 'audit-checkpoint', query],
    queryFn: ({ signal }) => api.get<AuditCheckpointCheck>('/api/public/audit/checkpoint', query!, signal),
    enabled: query !== null,
    meta: { silent: true },
  });
}

/** The area's SM2 public keys, the current one first. */
export function usePublicKeys() {
  return useQuery({
    queryKey: ['public', 'audit-keys'],
    queryFn: ({ signal }) => api.get<AuditSigningKeys>('/api/public/audit/keys', undefined, signal),
    meta: { silent: true },
  });
}
