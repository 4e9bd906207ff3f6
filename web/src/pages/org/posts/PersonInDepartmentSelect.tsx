import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { IdSelect } from '../../../components/IdSelect.tsx';
import { usePeople } from '../../../domain/org/usePeople.ts';
import { PERSON_STATUS_COLOR } from '../../../domain/org/personStatus.ts';

type Props = {
  departmentId?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
};

/** Choose a person of exactly this department (not its sub-departments): A/B holders belong to the post's department. */
export function PersonInDepartmentSelect({ departmentId, value, onChange, id, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  const people = usePeople({ page: 1, pageSize: 200, departmentId, subtree: false }, !!departmentId);
  const options = (people.data?.items ?? [])
    .filter((p) => p.status !== 'left' || p.id === value)
    .map((p) => ({
      value: p.id,
      search: `${p.name} ${p.title ?? ''}`,
      label: (
        <span>
          {p.name}
          {p.title && <span style={{ color: '#8c8c8c' }}> · {p.title}</span>}
          {p.status !== 'active' && (
            <Tag color={PERSON_STATUS_COLOR[p.status]} style={{ marginInlineStart: 6 }}>
              {t(`person.statuses.${p.status}`)}
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
      loading={people.isLoading}
      disabled={disabled || !departmentId}
      placeholder={departmentId ? t('post.unassigned') : t('post.pickDepartmentFirst')}
      data-testid={rest['data-testid']}
    />
  );
}
