import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Grid, Input, Segmented, Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EnquiryBox, EnquiryChannel, EnquiryStatus, type EnquirySummary } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { NoPermission } from '../../components/NoPermission.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { enquiryColumns } from './columns.tsx';
import { EnquiryDrawer } from './EnquiryDrawer.tsx';
import { useEnquiries } from './hooks.ts';
import { RegisterDrawer } from './RegisterDrawer.tsx';

const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;

/** 首问登记: anyone on the enquiry desk (enquiries.handle) or reading it (enquiries.read). */
export function EnquiriesPage() {
  const can = useCan();
  if (!can('enquiries.handle') && !can('enquiries.read')) return <NoPermission />;
  return <EnquiryDesk handles={can('enquiries.handle')} reads={can('enquiries.read')} />;
}

/**
 * The enquiry desk: register, then the boxes — mine, awaiting my acceptance, my department's, all I
 * may see — by status, channel, subject or tracking code; one enquiry opens in a drawer (`?open=`,
 * which the hand-over notices link to). The view lives in the URL.
 */
function EnquiryDesk({ handles, reads }: { handles: boolean; reads: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const phone = Grid.useBreakpoint().md === false;
  const boxes = EnquiryBox.options.filter((b) => (b === 'mine' || b === 'awaiting' ? handles : b === 'all' ? reads : true));
  const box = pick(boxes, params.get('box')) ?? boxes[0]!;
  const status = pick(EnquiryStatus.options, params.get('status'));
  const channel = pick(EnquiryChannel.options, params.get('channel'));
  // 未办结 (the desk's 我负责的咨询 links here): its time limit still runs
  const active = params.get('active') === 'true' ? ('true' as const) : undefined;
  const q = params.get('q') ?? undefined;
  const openId = params.get('open');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useEnquiries({ box, status, active, channel, q, page, pageSize });
  const [registering, setRegistering] = useState(false);

  const patch = (next: Record<string, string | number | undefined>) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if (!('page' in next) && !('open' in next)) p.delete('page');
        return p;
      },
      { replace: !('open' in next) },
    );
  const columns = enquiryColumns(t, phone, (id) => patch({ open: id }));

  return (
    <PageContainer
      title={t('enquiries.title')}
      subtitle={t('enquiries.subtitle')}
      extra={
        handles && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="enquiry-register">
            {t('enquiries.register')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented<EnquiryBox>
              value={box}
              onChange={(v) => patch({ box: v })}
              options={boxes.map((b) => ({ value: b, label: t(`enquiries.boxes.${b}`) }))}
              data-testid="enquiry-box"
            />
          </div>
          <Select<EnquiryStatus>
            allowClear
            placeholder={t('enquiries.statusFilter')}
            value={status}
            onChange={(v) => patch({ status: v })}
            options={EnquiryStatus.options.map((s) => ({ value: s, label: t(`enquiries.statuses.${s}`) }))}
            style={{ width: 130 }}
            data-testid="enquiry-status-filter"
          />
          <Checkbox
            checked={active === 'true'}
            onChange={(e) => patch({ active: e.target.checked ? 'true' : undefined })}
            data-testid="enquiry-active-filter"
          >
            {t('enquiries.activeOnly')}
          </Checkbox>
          <Select<EnquiryChannel>
            allowClear
            placeholder={t('enquiries.channelFilter')}
            value={channel}
            onChange={(v) => patch({ channel: v })}
            options={EnquiryChannel.options.map((c) => ({ value: c, label: t(`enquiries.channels.${c}`) }))}
            style={{ width: 110 }}
            data-testid="enquiry-channel-filter"
          />
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('enquiries.searchPlaceholder')}
            onSearch={(v) => patch({ q: v.trim() || undefined })}
            style={{ width: phone ? '100%' : 240 }}
            data-testid="enquiry-search"
          />
        </Flex>
        <Table<EnquirySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('enquiries.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !phone,
            simple: phone,
            onChange: (p, s) => patch({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          data-testid="enquiry-table"
        />
      </Card>
      <RegisterDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(id) => {
          setRegistering(false);
          patch({ box: handles ? 'mine' : box, open: id });
        }}
      />
      <EnquiryDrawer id={openId} onClose={() => patch({ open: undefined })} />
    </PageContainer>
  );
}
