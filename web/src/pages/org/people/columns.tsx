import { Avatar, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Person, PersonStatus } from '@qinlian/contracts';
import { BRAND_PRIMARY } from '../../../app/theme.ts';
import { formatDate } from '../../../components/time.ts';
import { PERSON_STATUS_COLOR } from '../../../domain/org/personStatus.ts';

/** Every column of the people table; the column settings hide some of them. */
export function peopleColumns(t: TFunction, onEdit: (p: Person) => void): ColumnsType<Person> {
  return [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('person.name'),
      width: 130,
      fixed: 'left',
      render: (v: string, p) => (
        <Space size={6}>
          <Avatar size={22} src={p.photoUrl ?? undefined} style={{ background: '#e3f0f1', color: BRAND_PRIMARY, fontSize: 12 }}>
            {v.slice(0, 1)}
          </Avatar>
          <a onClick={() => onEdit(p)}>{v}</a>
        </Space>
      ),
    },
    { key: 'department', dataIndex: 'departmentName', title: t('person.department'), ellipsis: true },
    { key: 'title', dataIndex: 'title', title: t('person.title_'), ellipsis: true, render: (v: string | null) => v ?? '—' },
    { key: 'phone', dataIndex: 'phone', title: t('person.phone'), width: 120, render: (v: string | null) => v ?? '—' },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('person.status'),
      width: 90,
      render: (v: PersonStatus) => <Tag color={PERSON_STATUS_COLOR[v]}>{t(`person.statuses.${v}`)}</Tag>,
    },
    {
      key: 'posts',
      dataIndex: 'posts',
      title: t('person.posts'),
      render: (posts: Person['posts']) =>
        posts.length ? (
          <Space size={[4, 4]} wrap>
            {posts.map((p) => (
              <Tag key={`${p.id}-${p.role}`} color={p.role === 'A' ? 'cyan' : 'purple'}>
                {p.role === 'A' ? t('person.postA') : t('person.postB')} · {p.name}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'account',
      dataIndex: 'username',
      title: t('person.account'),
      width: 130,
      render: (v: string | null) =>
        v ? <Typography.Text code>{v}</Typography.Text> : <Typography.Text type="secondary">{t('person.noAccount')}</Typography.Text>,
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('person.createdAt'), width: 120, render: (v: string) => formatDate(v) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Button type="link" size="small" onClick={() => onEdit(p)} disabled={!p.abilities.manage} data-testid={`person-edit-${p.id}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}

export const LOCKED_COLUMNS = ['name', 'actions'];
export const DEFAULT_HIDDEN_COLUMNS = ['createdAt', 'account'];
