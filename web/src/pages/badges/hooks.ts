import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Badge, BadgeDutiesBody, BadgePrintQuery, BadgeWall } from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

export const badgeKeys = {
  all: ['badges'] as const,
  wall: (departmentId: string) => ['badges', 'wall', departmentId] as const,
  person: (personId: string) => ['badges', 'person', personId] as const,
};

/** 亮牌墙 of one department (badges are issued to post holders the first time it is opened). */
export function useBadgeWall(departmentId: string | undefined) {
  return useQuery({
    queryKey: badgeKeys.wall(departmentId ?? ''),
    queryFn: ({ signal }) => api.get<BadgeWall>(`/api/badges/departments/${departmentId}`, undefined, signal),
    enabled: !!departmentId,
    meta: { silent: true },
  });
}

/** One person's badge (issued on this first ask unless they have left). */
export function usePersonBadge(personId: string | null) {
  return useQuery({
    queryKey: badgeKeys.person(personId ?? ''),
    queryFn: ({ signal }) => api.get<Badge>(`/api/badges/people/${personId}`, undefined, signal),
    enabled: !!personId,
    meta: { silent: true },
  });
}

/** Every change answers the badge as it now is: that person's badge at once, the walls asked again. */
function useBadgeChange<V extends { personId: string }>(send: (v: V) => Promise<Badge>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (badge) => {
      qc.setQueryData(badgeKeys.person(badge.personId), badge);
      void qc.invalidateQueries({ queryKey: ['badges', 'wall'] });
    },
  });
}

export const useSetDuties = () =>
  useBadgeChange((v: { personId: string } & BadgeDutiesBody) => api.put<Badge>(`/api/badges/people/${v.personId}`, { duties: v.duties }));
export const useReissue = () => useBadgeChange((v: { personId: string }) => api.post<Badge>(`/api/badges/people/${v.personId}/reissue`));
export const useRevoke = () => useBadgeChange((v: { personId: string }) => api.post<Badge>(`/api/badges/people/${v.personId}/revoke`));

/**
 * 打印: the badge or desk card PDF, or the QR code PNG, fetched with the session and saved under the
 * server's file name; a refusal (no Chinese font on the server, a withdrawn badge) is thrown as the
 * server's sentence for the caller to show.
 */
export function printBadge(badge: Pick<Badge, 'personId' | 'name'>, query: BadgePrintQuery) {
  const ext = query.format === 'png' ? 'png' : 'pdf';
  return download(`/api/badges/people/${badge.personId}/print`, { ...query }, `${badge.name}-${query.layout ?? 'badge'}.${ext}`);
}
