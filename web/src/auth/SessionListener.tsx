import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { onAuthProblem, setCsrfToken } from '../api/client.ts';
import { toastError } from '../app/feedback.ts';
import { SESSION_KEY, type Session } from './session.ts';

/** Turns "session gone" and "password change due" answers from any call into session state. */
export function SessionListener() {
  const qc = useQueryClient();
  const { t } = useTranslation();
  useEffect(() => {
    onAuthProblem((code) => {
      if (code === 'password_change_required') {
        const current = qc.getQueryData<Session | null>(SESSION_KEY);
        if (current && !current.user.mustChangePassword) {
          qc.setQueryData(SESSION_KEY, { ...current, user: { ...current.user, mustChangePassword: true } });
        }
        return;
      }
      if (qc.getQueryData(SESSION_KEY)) {
        toastError(t('header.sessionEnded'));
        setCsrfToken(null);
        qc.setQueryData(SESSION_KEY, null);
      }
    });
    return () => onAuthProblem(null);
  }, [qc, t]);
  return null;
}
