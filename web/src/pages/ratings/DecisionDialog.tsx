import { useEffect, useState } from 'react';
import { Input, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rating } from '@qinlian/contracts';
import { isApiError, type FieldError } from '../../api/client.ts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useDecideAppeal } from './hooks.ts';

/** RatingAppealDecisionBody.note: prose(1, 1000) */
const NOTE_MAX = 1000;

/** 申诉复核 (the office): uphold — the rating leaves the figures and its 整改 is withdrawn — or reject, with a note. */
export function DecisionDialog({ rating, onClose }: { rating: Rating | null; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideAppeal();
  const [decision, setDecision] = useState<'upheld' | 'rejected' | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    setDecision(null);
    setNote('');
    setErrors([]);
  }, [rating]);

  const submit = () => {
    if (!rating) return;
    if (!decision || !note.trim()) return setErrors([{ path: '', message: t('ratings.decide.required') }]);
    decide.mutate(
      { id: rating.id, decision, note: note.trim(), version: rating.version },
      {
        onSuccess: () => {
          toastSuccess(t('ratings.decide.done'));
          onClose();
        },
        onError: (err) => setErrors(isApiError(err) && err.fields.length ? err.fields : [{ path: '', message: err.message }]),
      },
    );
  };

  return (
    <Modal
      open={!!rating}
      title={t('ratings.decide.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ratings.decide.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: decide.isPending, 'data-testid': 'rating-decide-submit' } as ButtonProps}
      destroyOnHidden
    >
      {rating?.appeal && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {t('ratings.drawer.reason')}
          {t('common.colon')}
          {rating.appeal.reason}
        </Typography.Paragraph>
      )}
      <FieldErrorsAlert errors={errors} />
      <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'upheld' | 'rejected')} style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Radio value="upheld" data-testid="rating-decide-upheld">
            {t('ratings.decide.upheld')}
          </Radio>
          <Radio value="rejected" data-testid="rating-decide-rejected">
            {t('ratings.decide.rejected')}
          </Radio>
        </Space>
      </Radio.Group>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={t('ratings.decide.placeholder')}
        aria-label={t('ratings.decide.note')}
        data-testid="rating-decide-note"
      />
    </Modal>
  );
}
