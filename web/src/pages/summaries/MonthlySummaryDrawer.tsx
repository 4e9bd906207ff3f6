import { useState } from 'react';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Grid, Input, Modal, Popconfirm, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthlySummary } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { formatInstant } from '../../components/time.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { FiguresCard } from './FiguresCard.tsx';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';
import { useAcceptMonthly, useReturnMonthly } from './hooks.ts';

const Text = ({ value }: { value: string }) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{value || '—'}</Typography.Paragraph>
);

/** One department's summary as the office reviews it: figures, texts, and 退回 (with a reason) or 通过. */
export function MonthlySummaryDrawer({ summary, onClose }: { summary: MonthlySummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [returning, setReturning] = useState(false);
  const accept = useAcceptMonthly();
  const s = summary;
  return (
    <Drawer
      open={!!s}
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={s ? `${s.departmentName} · ${periodLabel(t, s.month)}` : ''}
      footer={
        s &&
        (s.abilities.return || s.abilities.accept) && (
          <Flex justify="flex-end" gap={8} wrap>
            {s.abilities.return && (
              <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="summary-return">
                {t('summaries.review.return')}
              </Button>
            )}
            {s.abilities.accept && (
              <Popconfirm
                title={t('summaries.review.accept')}
                description={<div style={{ maxWidth: 260 }}>{t('summaries.review.acceptConfirm')}</div>}
                onConfirm={() =>
                  accept.mutate(
                    { id: s.id, version: s.version },
                    {
                      onSuccess: () => {
                        toastSuccess(t('summaries.review.accepted'));
                        onClose();
                      },
                      onError: (err) => toastError(err.message),
                    },
                  )
                }
              >
                <Button type="primary" icon={<CheckOutlined />} loading={accept.isPending} data-testid="summary-accept">
                  {t('summaries.review.accept')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )
      }
    >
      {s && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <SummaryStatusTag of="monthly" status={s.status} />
            {s.returnCount > 0 && (
              <Typography.Text type="secondary">{t('summaries.review.returnCount', { n: s.returnCount })}</Typography.Text>
            )}
          </Flex>
          {s.status === 'returned' && s.returnReason && (
            <Alert type="warning" showIcon title={t('summaries.form.returned', { reason: s.returnReason })} />
          )}
          <FiguresCard figures={s.figures} frozen={s.figuresFrozen} />
          <Descriptions column={1} size="small" bordered styles={{ label: { width: phone ? 88 : 120 } }}>
            <Descriptions.Item label={t('summaries.fields.highlights')}>
              <Text value={s.highlights} />
            </Descriptions.Item>
            <Descriptions.Item label={t('summaries.fields.problems')}>
              <Text value={s.problems} />
            </Descriptions.Item>
            <Descriptions.Item label={t('summaries.fields.nextPlan')}>
              <Text value={s.nextPlan} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.submittedByName && t('summaries.review.submittedBy', { name: s.submittedByName, at: formatInstant(s.submittedAt) })}
            {s.reviewedByName && ` · ${t('summaries.review.reviewedBy', { name: s.reviewedByName, at: formatInstant(s.reviewedAt) })}`}
          </Typography.Text>
          <ReturnDialog summary={s} open={returning} onClose={() => setReturning(false)} onDone={onClose} />
        </Flex>
      )}
    </Drawer>
  );
}

const rename = (path: string) => path.replace(/^body\./, '');

function ReturnDialog({
  summary,
  open,
  onClose,
  onDone,
}: {
  summary: MonthlySummary;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const send = useReturnMonthly();
  const submit = ({ reason }: { reason: string }) => {
    errors.clear();
    send.mutate(
      { id: summary.id, version: summary.version, reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t('summaries.review.returned'));
          onClose();
          onDone();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('summaries.review.returnTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'summary-return-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('summaries.review.reason')}
          rules={[{ required: true, whitespace: true, message: t('summaries.review.reasonRequired') }, textLimit(t, 1000)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('summaries.review.reasonPlaceholder')}
            data-testid="summary-return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
