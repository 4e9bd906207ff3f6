import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Empty, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../auth/session.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { DepartmentCreateModal } from './DepartmentCreateModal.tsx';
import { DepartmentPanel } from './DepartmentPanel.tsx';
import { DepartmentTree } from '../../../domain/org/DepartmentTree.tsx';
import { useDepartments } from '../../../domain/org/useDepartments.ts';

/** 部门管理: the tree on the left, the selected department on the right. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createUnder, setCreateUnder] = useState<string | null | undefined>(undefined);
  const { data: items = [], isLoading } = useDepartments(showArchived);
  const selected = useMemo(() => items.find((d) => d.id === selectedId) ?? null, [items, selectedId]);
  const root = useMemo(() => items.find((d) => !d.parentId && !d.archived) ?? null, [items]);

  // The page's button creates under the top-level organisation; the panel's under the selected department.
  const [createAsChild, setCreateAsChild] = useState(false);

  return (
    <PageContainer
      title={t('dept.title')}
      subtitle={t('dept.subtitle')}
      extra={
        can('org.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreateAsChild(false);
              setCreateUnder(root?.id ?? null);
            }}
            data-testid="dept-create-button"
          >
            {t('dept.create')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10} xl={9}>
          <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 16 }}>
            <div style={{ marginBottom: 8 }}>
              <SearchInput
                placeholder={t('dept.searchPlaceholder')}
                value={search}
                onChange={setSearch}
                width="100%"
                data-testid="dept-search"
              />
            </div>
            <Checkbox checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} style={{ marginBottom: 8 }}>
              {t('dept.showArchived')}
            </Checkbox>
            <div style={{ maxHeight: 'calc(100vh - 280px)', minHeight: 240, overflow: 'auto' }}>
              {isLoading ? (
                <Spin style={{ display: 'block', margin: '48px auto' }} />
              ) : (
                <DepartmentTree items={items} search={search} selectedId={selectedId} onSelect={setSelectedId} />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {selected ? (
            <DepartmentPanel
              dept={selected}
              all={items}
              onCreateChild={() => {
                setCreateAsChild(true);
                setCreateUnder(selected.id);
              }}
            />
          ) : (
            <Card>
              <Empty description={t('dept.pickOne')} style={{ padding: '48px 0' }} />
            </Card>
          )}
        </Col>
      </Row>
      <DepartmentCreateModal
        open={createUnder !== undefined}
        parentId={createUnder ?? null}
        asChild={createAsChild}
        onClose={() => setCreateUnder(undefined)}
        onCreated={(d) => {
          setCreateUnder(undefined);
          setSelectedId(d.id);
        }}
      />
    </PageContainer>
  );
}
