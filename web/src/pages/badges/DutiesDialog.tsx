import { useEffect, useState } from 'react';
import { Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Badge } from '@qinlian/contracts';
import { isApiError, type FieldError } from '../../api/client.ts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useSetDuties } from './hooks.ts';

/** BadgeDutiesBody: prose(0, 1000) */
const DUTIES_MAX = 1000;

/** The duties a badge leads with when the person writes none: their A post's, else the first. */
const postDuties = (b: Badge) => (b.posts.find((p) => p.role === 'A') ?? b.posts[0])?.duties || null;

/** 编辑职责: the person's own words on the badge; left empty, the badge shows the post's duties. */
export function DutiesDialog({ badge, onClose }: { badge: Badge | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetDuties();
  const [duties, setDuties] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  useEffect(() => {
    setDuties(badge?.duties ?? '');
    setErrors([]);
  }, [badge]);

  const submit = () => {
    if (!badge) return;
    save.mutate(
      { personId: badge.personId, duties: duties.trim() || null },
      {
        onSuccess: () => {
          toastSuccess(t('badges.done.duties'));
          onClose();
        },
        onError: (err) => setErrors(isApiError(err) && err.fields.length ? err.fields : [{ path: '', message: err.message }]),
      },
    );
  };

  const fromPost = badge && postDuties(badge);
  return (
    <Modal
      open={!!badge}
      title={badge && t('badges.duties.title', { name: badge.name })}
      onCancel={onClose}
      onOk={submit}
      okText={t('badges.duties.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'badge-duties-save' } as ButtonProps}
      destroyOnHidden
    >
      <FieldErrorsAlert errors={errors} />
      <Input.TextArea
        value={duties}
        onChange={(e) => setDuties(e.target.value)}
        maxLength={DUTIES_MAX}
        showCount
        autoSize={{ minRows: 4, maxRows: 10 }}
        placeholder={t('badges.duties.placeholder')}
        data-testid="badge-duties-input"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {t('badges.duties.hint')}
        {fromPost && (
          <>
            <br />
            {t('badges.duties.postDuties', { duties: fromPost })}
          </>
        )}
      </Typography.Paragraph>
    </Modal>
  );
}
