import { useState } from 'react';
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SummaryDocumentKind } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { periodLabel, recentHalves } from './periodLabel.ts';
import { useDraftDocument } from './hooks.ts';

/** 起草汇编: the office picks the kind and its period (an ended month, or a half year) and opens the new draft. */
export function DraftDocumentCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftDocument();
  const [kind, setKind] = useState<SummaryDocumentKind>('monthly');
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const halves = recentHalves();
  const [half, setHalf] = useState(halves[0]!);
  const start = () =>
    draft.mutate(
      { kind, period: kind === 'monthly' ? month : half },
      {
        onSuccess: (d) => {
          toastSuccess(t('summaries.documents.drafted'));
          void navigate(`/summaries/documents/${d.id}`);
        },
        onError: (err) => toastError(err.message),
      },
    );
  return (
    <Card size="small" title={t('summaries.documents.draft')} data-testid="summary-document-draft">
      <Flex gap={12} wrap align="center">
        <Select<SummaryDocumentKind>
          value={kind}
          onChange={setKind}
          options={(['monthly', 'experiences'] as const).map((k) => ({ value: k, label: t(`summaries.documents.kinds.${k}`) }))}
          style={{ width: 160 }}
          aria-label={t('summaries.documents.kind')}
          data-testid="summary-document-kind"
        />
        {kind === 'monthly' ? (
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            aria-label={t('summaries.documents.period')}
            data-testid="summary-document-month"
          />
        ) : (
          <Select<string>
            value={half}
            onChange={setHalf}
            options={halves.map((h) => ({ value: h, label: periodLabel(t, h) }))}
            style={{ width: 160 }}
            aria-label={t('summaries.documents.period')}
          />
        )}
        <Button type="primary" icon={<FileAddOutlined />} loading={draft.isPending} onClick={start} data-testid="summary-document-start">
          {t('summaries.documents.draft')}
        </Button>
      </Flex>
    </Card>
  );
}
