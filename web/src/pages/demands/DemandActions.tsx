import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import type { FormStep } from './DemandStepDialog.tsx';
import { useClose, useTake } from './hooks.ts';

/** The order the buttons stand in: the office's steps, then the department's, then moderation. */
const FORM_STEPS: FormStep[] = ['accept', 'dispatch', 'urge', 'reply', 'sendBack', 'reject', 'hide'];
const PRIMARY = new Set(['accept', 'dispatch', 'take', 'reply', 'close']);
const DANGER = new Set(['reject', 'hide']);

/**
 * The steps the server's abilities allow on this item now: the ones that need words open a dialog;
 * 签收 and 办结 are one click, confirmed.
 */
export function DemandActions({ item, onStep }: { item: DemandDetail; onStep: (step: FormStep) => void }) {
  const { t } = useTranslation();
  const take = useTake();
  const close = useClose();
  const a = item.abilities;
  const done = (key: 'take' | 'close') => ({
    onSuccess: () => toastSuccess(t(`demands.done.${key}`)),
    onError: (err: Error) => toastError(err.message),
  });
  const confirmed = (key: 'take' | 'close', run: () => void, loading: boolean) => (
    <Popconfirm key={key} title={t(`demands.confirm.${key}`)} onConfirm={run} okText={t('common.confirm')} cancelText={t('common.cancel')}>
      <Button type="primary" loading={loading} data-testid={`demand-${key}`}>
        {t(`demands.actions.${key}`)}
      </Button>
    </Popconfirm>
  );
  const buttons = [
    a.take && confirmed('take', () => take.mutate({ id: item.id, version: item.version }, done('take')), take.isPending),
    ...FORM_STEPS.filter((s) => a[s]).map((s) => (
      <Button
        key={s}
        type={PRIMARY.has(s) ? 'primary' : 'default'}
        danger={DANGER.has(s)}
        onClick={() => onStep(s)}
        data-testid={`demand-${s}`}
      >
        {t(item.departmentId && s === 'dispatch' ? 'demands.actions.redispatch' : `demands.actions.${s}`)}
      </Button>
    )),
    a.close && confirmed('close', () => close.mutate({ id: item.id, version: item.version }, done('close')), close.isPending),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="demand-actions">
      {buttons}
    </Flex>
  );
}
