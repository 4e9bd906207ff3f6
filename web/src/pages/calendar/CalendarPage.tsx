import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarOverride } from '@qinlian/contracts';
import { ConfirmLink } from '../../components/ConfirmLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { CalendarDayMark } from './CalendarDayMark.tsx';
import { useCalendarYear, useOverrides, useRemoveOverride } from './hooks.ts';
import { OverrideModal } from './OverrideModal.tsx';

/** The month shown: `?month=2026-10` when linked to, else this month. */
function useShownMonth(): [Dayjs, (d: Dayjs) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? dayjs(`${asked}-01`) : dayjs().startOf('month');
  return [month, (d) => setParams((p) => ({ ...Object.fromEntries(p), month: d.format('YYYY-MM') }), { replace: true })];
}

/** 工作日历: the month with holidays, 调休 and local overrides marked; the year's local overrides beside it to add or remove. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useShownMonth();
  const [selected, setSelected] = useState<Dayjs>(month);
  const year = month.year();
  const special = useCalendarYear(year);
  const overrides = useOverrides(year);
  const remove = useRemoveOverride();
  const [editing, setEditing] = useState<{ date: string | null; existing: CalendarOverride | null } | null>(null);
  const byDate = useMemo(() => new Map((special.data?.items ?? []).map((d) => [d.date, d])), [special.data]);
  const overrideOf = (date: string) => overrides.data?.find((o) => o.date === date) ?? null;
  const show = (d: Dayjs) => {
    setSelected(d);
    setMonth(d.startOf('month'));
  };

  return (
    <PageContainer
      title={t('workCalendar.title')}
      subtitle={t('workCalendar.subtitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ date: null, existing: null })}
          data-testid="override-add-button"
        >
          {t('workCalendar.add')}
        </Button>
      }
    >
      {special.data && !special.data.covered && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('workCalendar.notCovered', { year })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card data-testid="work-calendar">
            <Calendar
              value={selected}
              onSelect={(d, info) => {
                show(d);
                if (info.source === 'date') {
                  const date = d.format('YYYY-MM-DD');
                  setEditing({ date, existing: overrideOf(date) });
                }
              }}
              onPanelChange={show}
              cellRender={(d, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = byDate.get(d.format('YYYY-MM-DD'));
                return day ? <CalendarDayMark day={day} /> : null;
              }}
            />
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('workCalendar.legend')}</Typography.Text>
              <Tag color="red">{t('workCalendar.officialOff')}</Tag>
              <Tag color="orange">{t('workCalendar.officialWork')}</Tag>
              <Tag color="magenta">{t('workCalendar.localOff')}</Tag>
              <Tag color="purple">{t('workCalendar.localWork')}</Tag>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('workCalendar.listTitle', { year })}>
            {overrides.data?.length === 0 ? (
              <Empty description={t('workCalendar.empty')} />
            ) : (
              <List
                loading={overrides.isLoading}
                dataSource={overrides.data ?? []}
                data-testid="override-list"
                renderItem={(o) => (
                  <List.Item
                    data-testid={`override-${o.date}`}
                    actions={[
                      <Button key="edit" type="link" size="small" onClick={() => setEditing({ date: o.date, existing: o })}>
                        {t('common.edit')}
                      </Button>,
                      <ConfirmLink
                        key="remove"
                        label={t('workCalendar.remove')}
                        confirm={t('workCalendar.removeConfirm', { date: o.date })}
                        onConfirm={() => remove.mutateAsync(o.date)}
                        done={t('workCalendar.removed')}
                        testId={`override-remove-${o.date}`}
                      />,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Flex gap={8} align="center">
                          <a onClick={() => show(dayjs(o.date))}>{o.date}</a>
                          <Tag color={o.working ? 'purple' : 'magenta'}>
                            {t(o.working ? 'workCalendar.localWork' : 'workCalendar.localOff')}
                          </Tag>
                        </Flex>
                      }
                      description={o.note || '—'}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <OverrideModal open={!!editing} date={editing?.date ?? null} existing={editing?.existing ?? null} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
