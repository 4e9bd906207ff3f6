import { Button, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Experience } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';

type Actions = { open: (e: Experience) => void; select: (e: Experience, selected: boolean) => void; selecting: string | null };

/** The experiences' columns; on a phone one column holds the title with its department, half year and state. */
export function experienceColumns(t: TFunction, phone: boolean, a: Actions): ColumnsType<Experience> {
  return [
    {
      key: 'title',
      title: t('summaries.experiences.columns.title'),
      render: (_, e) => (
        <div style={{ minWidth: phone ? 0 : 240 }}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => a.open(e)}
            data-testid="experience-open"
          >
            {e.title}
          </Button>
          {phone && (
            <div>
              <Flex gap={6} wrap align="center">
                <SummaryStatusTag of="experience" status={e.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.departmentName} · {periodLabel(t, e.period)}
                </Typography.Text>
              </Flex>
            </div>
          )}
        </div>
      ),
    },
    { key: 'department', title: t('summaries.experiences.columns.department'), hidden: phone, width: 180, dataIndex: 'departmentName' },
    {
      key: 'period',
      title: t('summaries.experiences.columns.period'),
      hidden: phone,
      width: 140,
      render: (_, e) => periodLabel(t, e.period),
    },
    {
      key: 'status',
      title: t('summaries.experiences.columns.status'),
      hidden: phone,
      width: 100,
      render: (_, e) => <SummaryStatusTag of="experience" status={e.status} />,
    },
    {
      key: 'submitted',
      title: t('summaries.experiences.columns.submitted'),
      hidden: phone,
      width: 180,
      render: (_, e) => formatInstant(e.submittedAt),
    },
    {
      key: 'actions',
      title: '',
      width: phone ? 84 : 100,
      render: (_, e) =>
        e.abilities.select && (
          <Button
            size="small"
            type={e.status === 'selected' ? 'default' : 'primary'}
            loading={a.selecting === e.id}
            onClick={() => a.select(e, e.status !== 'selected')}
            data-testid="experience-select"
          >
            {t(e.status === 'selected' ? 'summaries.experiences.deselect' : 'summaries.experiences.select')}
          </Button>
        ),
    },
  ];
}
