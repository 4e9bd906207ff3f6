import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody, TotpDisableBody, TotpEnableBody, TotpSetupBody, TotpSetupResponse } from '@qinlian/contracts';
import { api } from '../../api/client.ts';
import { useRefreshSession } from '../../auth/session.ts';

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordBody) => api.post<unknown>('/api/auth/password', body) });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: (body: TotpSetupBody) => api.post<z.infer<typeof TotpSetupResponse>>('/api/auth/totp/setup', body),
  });
}

export function useTotpEnable() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: z.infer<typeof TotpEnableBody>) => api.post<unknown>('/api/auth/totp/enable', body),
    onSuccess: () => refresh(),
  });
}

export function useTotpDisable() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (body: z.infer<typeof TotpDisableBody>) => api.post<unknown>('/api/auth/totp/disable', body),
    onSuccess: () => refresh(),
  });
}
