import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Post } from '@qinlian/contracts';
import { useCan } from '../../../auth/session.ts';
import { ConfirmLink } from '../../../components/ConfirmLink.tsx';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { usePosts } from '../../../domain/org/usePosts.ts';
import { useArchivePost } from './hooks.ts';
import { PostDrawer } from './PostDrawer.tsx';

function Acting({ post }: { post: Post }) {
  const { t } = useTranslation();
  if (!post.actingPersonId) return <Tag color="error">{t('post.vacant')}</Tag>;
  const isA = post.actingPersonId === post.aPersonId;
  const name = isA ? post.aPersonName : post.bPersonName;
  return (
    <Space size={4}>
      <Tag color={isA ? 'cyan' : 'purple'}>{isA ? t('post.actingA') : t('post.actingB')}</Tag>
      {name}
    </Space>
  );
}

/** 岗位（AB岗）: every post with its A and B holders and who is acting now. */
export function PostsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [drawer, setDrawer] = useState<{ post: Post | null } | null>(null);
  const posts = usePosts(departmentId);
  const archive = useArchivePost();

  const holder = (name: string | null) => name ?? <Typography.Text type="secondary">{t('post.unassigned')}</Typography.Text>;
  const columns: ColumnsType<Post> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('post.name'),
      ellipsis: true,
      render: (v: string, p) => <a onClick={() => setDrawer({ post: p })}>{v}</a>,
    },
    { key: 'department', dataIndex: 'departmentName', title: t('post.department'), ellipsis: true },
    { key: 'duties', dataIndex: 'duties', title: t('post.duties'), ellipsis: true, render: (v: string) => v || '—' },
    { key: 'a', dataIndex: 'aPersonName', title: t('post.a'), width: 120, render: holder },
    { key: 'b', dataIndex: 'bPersonName', title: t('post.b'), width: 120, render: holder },
    { key: 'acting', title: t('post.acting'), width: 200, render: (_: unknown, p) => <Acting post={p} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={!p.abilities.manage} onClick={() => setDrawer({ post: p })}>
            {t('common.edit')}
          </Button>
          <ConfirmLink
            label={t('post.archive')}
            confirm={t('post.archiveConfirm', { name: p.name })}
            onConfirm={() => archive.mutateAsync(p.id)}
            done={t('post.archived')}
            disabled={!p.abilities.manage}
          />
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('post.title')}
      subtitle={t('post.subtitle')}
      extra={
        can('org.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ post: null })} data-testid="post-create-button">
            {t('post.create')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <DepartmentTreeSelect
            value={departmentId ?? null}
            onChange={(v) => setDepartmentId(typeof v === 'string' ? v : undefined)}
            placeholder={t('post.filterDepartment')}
            style={{ width: 300 }}
            data-testid="posts-department-filter"
          />
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={posts.data ?? []}
          loading={posts.isFetching}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }), hideOnSinglePage: true }}
          data-testid="posts-table"
        />
      </Card>
      <PostDrawer open={!!drawer} post={drawer?.post ?? null} defaultDepartmentId={departmentId} onClose={() => setDrawer(null)} />
    </PageContainer>
  );
}
