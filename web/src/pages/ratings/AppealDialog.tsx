import { useEffect, useState } from 'react';
import { Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rating } from '@qinlian/contracts';
import { isApiError, type FieldError } from '../../api/client.ts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useAppeal } from './hooks.ts';

/** RatingAppealBody.reason: prose(1, 1000) */
const REASON_MAX = 1000;

/** 差评申诉: the department says why the review is mistaken or malicious; once per bad review. */
export function AppealDialog({ rating, onClose }: { rating: Rating | null; onClose: () => void }) {
  const { t } = useTranslation();
  const appeal = useAppeal();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    setReason('');
    setErrors([]);
  }, [rating]);

  const submit = () => {
    if (!rating) return;
    if (!reason.trim()) return setErrors([{ path: 'reason', message: t('ratings.appeal.required') }]);
    appeal.mutate(
      { id: rating.id, reason: reason.trim(), version: rating.version },
      {
        onSuccess: () => {
          toastSuccess(t('ratings.appeal.done'));
          onClose();
        },
        onError: (err) => setErrors(isApiError(err) && err.fields.length ? err.fields : [{ path: '', message: err.message }]),
      },
    );
  };

  return (
    <Modal
      open={!!rating}
      title={t('ratings.appeal.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ratings.appeal.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: appeal.isPending, 'data-testid': 'rating-appeal-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ratings.appeal.hint')}</Typography.Paragraph>
      <FieldErrorsAlert errors={errors} />
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={REASON_MAX}
        showCount
        autoSize={{ minRows: 4, maxRows: 10 }}
        placeholder={t('ratings.appeal.placeholder')}
        data-testid="rating-appeal-reason"
      />
    </Modal>
  );
}
