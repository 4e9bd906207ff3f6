import { useEffect, useState } from 'react';
import { Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnquiryDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { isApiError, type FieldError } from '../../api/client.ts';
import { useDecide } from './hooks.ts';

const NOTE_MAX = 1000;

/** 退回移交: the receiver declines, saying why; the enquiry stays with whoever offered it. */
export function DeclineDialog({ target, onClose }: { target: { enquiry: EnquiryDetail; hid: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    setNote('');
    setErrors([]);
  }, [target]);

  const submit = () => {
    if (!target) return;
    decide.mutate(
      { id: target.enquiry.id, hid: target.hid, decision: 'decline', note: note.trim() || undefined },
      {
        onSuccess: () => {
          toastSuccess(t('enquiries.done.decline'));
          onClose();
        },
        onError: (err) => setErrors([{ path: '', message: isApiError(err) ? err.message : String(err) }]),
      },
    );
  };

  return (
    <Modal
      open={!!target}
      title={t('enquiries.handover.declineTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('enquiries.actions.decline')}
      okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': 'enquiry-decline-submit' } as ButtonProps}
      destroyOnHidden
    >
      <FieldErrorsAlert errors={errors} />
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
        autoSize={{ minRows: 3, maxRows: 6 }}
        placeholder={t('enquiries.placeholders.declineNote')}
        data-testid="enquiry-decline-note"
      />
    </Modal>
  );
}
