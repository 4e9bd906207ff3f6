import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { IdSelect } from '../../../components/IdSelect.tsx';
import { usePosts } from '../../../domain/org/usePosts.ts';

type Props = { departmentId?: string; value?: string | null; onChange?: (v: string | null) => void; id?: string; 'data-testid'?: string };

/** 责任岗位: a post of the lead department, shown with its A and B holders (AB岗). */
export function PostSelect({ departmentId, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const posts = usePosts(departmentId, !!departmentId, true);
  const options = (posts.data ?? [])
    .filter((p) => p.departmentId === departmentId && (!p.archived || p.id === value))
    .map((p) => ({
      value: p.id,
      search: p.name,
      label: (
        <span>
          {p.name}
          <span style={{ color: '#8c8c8c', fontSize: 12 }}>
            {' '}
            · A {p.aPersonName ?? '—'} · B {p.bPersonName ?? '—'}
          </span>
          {p.actingPersonId && p.actingPersonId === p.bPersonId && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('post.actingB')}
            </Tag>
          )}
        </span>
      ),
    }));
  return (
    <IdSelect
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={posts.isLoading}
      disabled={!departmentId}
      placeholder={departmentId ? t('post.unassigned') : t('task.pickLeadFirst')}
      data-testid={rest['data-testid']}
    />
  );
}
