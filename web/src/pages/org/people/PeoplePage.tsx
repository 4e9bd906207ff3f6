import { useMemo, useState } from 'react';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Flex, Row, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonStatus, type PersonCreated } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { serverPagination } from '../../../components/serverPagination.ts';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { ShowOnceModal } from '../../../components/ShowOnceModal.tsx';
import { useDepartments } from '../../../domain/org/useDepartments.ts';
import { DepartmentTree } from '../../../domain/org/DepartmentTree.tsx';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings.tsx';
import { DEFAULT_HIDDEN_COLUMNS, LOCKED_COLUMNS, peopleColumns } from './columns.tsx';
import { usePeople, type PeopleFilter } from '../../../domain/org/usePeople.ts';
import { exportPeople } from './hooks.ts';
import { ImportModal } from './ImportModal.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';

/** 人员管理: department tree on the left, the server-paged list on the right. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [filter, setFilter] = useState<PeopleFilter>({ page: 1, pageSize: 20, subtree: true });
  const [q, setQ] = useState('');
  const [deptSearch, setDeptSearch] = useState('');
  const [drawer, setDrawer] = useState<{ id: string | null } | null>(null);
  const [created, setCreated] = useState<PersonCreated | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [hidden, setHidden] = useHiddenColumns('qinlian.people.hiddenColumns', DEFAULT_HIDDEN_COLUMNS);
  const departments = useDepartments(false, can('org.read'));
  const people = usePeople(filter);

  const patch = (next: Partial<PeopleFilter>) => setFilter((f) => ({ ...f, page: 1, ...next }));
  const allColumns = useMemo(() => peopleColumns(t, (p) => setDrawer({ id: p.id })), [t]);
  const columns = allColumns.filter((c) => !hidden.includes(String(c.key)));

  const doExport = async () => {
    setExporting(true);
    try {
      await exportPeople(filter);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer title={t('person.title')} subtitle={t('person.subtitle')}>
      <Row gutter={16}>
        {can('org.read') && (
          <Col xs={24} lg={7} xl={6} xxl={5}>
            <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 16 }}>
              <div style={{ marginBottom: 8 }}>
                <SearchInput
                  size="small"
                  placeholder={t('dept.searchPlaceholder')}
                  value={deptSearch}
                  onChange={setDeptSearch}
                  width="100%"
                />
              </div>
              <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
                <Typography.Link
                  onClick={() => patch({ departmentId: undefined })}
                  strong={!filter.departmentId}
                  data-testid="people-all-departments"
                >
                  {t('person.allDepartments')}
                </Typography.Link>
                <Checkbox checked={filter.subtree} onChange={(e) => patch({ subtree: e.target.checked })}>
                  {t('person.subtree')}
                </Checkbox>
              </Flex>
              <div style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 200, overflow: 'auto' }}>
                <DepartmentTree
                  compact
                  items={departments.data ?? []}
                  search={deptSearch}
                  selectedId={filter.departmentId ?? null}
                  onSelect={(id) => patch({ departmentId: id ?? undefined })}
                />
              </div>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={can('org.read') ? 17 : 24} xl={can('org.read') ? 18 : 24} xxl={can('org.read') ? 19 : 24}>
          <Card styles={{ body: { paddingTop: 16 } }}>
            <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
              <Flex gap={8} wrap>
                <SearchInput
                  placeholder={t('person.searchPlaceholder')}
                  value={q}
                  onChange={setQ}
                  onSearch={(v) => patch({ q: v.trim() || undefined })}
                  width={220}
                  data-testid="people-search"
                />
                <Select
                  allowClear
                  placeholder={t('person.status')}
                  value={filter.status}
                  onChange={(v) => patch({ status: v })}
                  options={PersonStatus.options.map((s) => ({ value: s, label: t(`person.statuses.${s}`) }))}
                  style={{ width: 130 }}
                  data-testid="people-status-filter"
                />
              </Flex>
              <Flex gap={8} wrap>
                {can('people.manage') && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })} data-testid="person-create-button">
                    {t('person.create')}
                  </Button>
                )}
                {can('people.manage') && (
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="person-import-button">
                    {t('person.import')}
                  </Button>
                )}
                <Button icon={<DownloadOutlined />} onClick={() => void doExport()} loading={exporting} data-testid="person-export-button">
                  {t('person.export')}
                </Button>
                <Tooltip title={t('common.refresh')}>
                  <Button icon={<ReloadOutlined />} onClick={() => void people.refetch()} aria-label={t('common.refresh')} />
                </Tooltip>
                <ColumnSettings
                  columns={allColumns.map((c) => ({
                    key: String(c.key),
                    title: String(c.title),
                    locked: LOCKED_COLUMNS.includes(String(c.key)),
                  }))}
                  hidden={hidden}
                  onChange={setHidden}
                  defaults={DEFAULT_HIDDEN_COLUMNS}
                />
              </Flex>
            </Flex>
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={people.data?.items ?? []}
              loading={people.isFetching}
              scroll={{ x: 860 }}
              pagination={{
                ...serverPagination(t, { ...filter, total: people.data?.total ?? 0 }, (paging) => setFilter((f) => ({ ...f, ...paging }))),
                pageSizeOptions: [10, 20, 50, 100],
              }}
              data-testid="people-table"
            />
          </Card>
        </Col>
      </Row>
      <PersonDrawer
        open={!!drawer}
        personId={drawer?.id ?? null}
        defaultDepartmentId={filter.departmentId}
        onClose={() => setDrawer(null)}
        onCreated={(p) => {
          setDrawer(null);
          if (p.initialPassword) setCreated(p);
        }}
      />
      <ShowOnceModal
        open={!!created}
        title={t('person.initialPasswordTitle')}
        label={`${created?.name ?? ''} · ${t('person.username')} ${created?.username ?? ''} · ${t('person.initialPassword')}`}
        secret={created?.initialPassword ?? null}
        hint={t('person.initialPasswordHint')}
        onClose={() => setCreated(null)}
        testId="initial-password"
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
