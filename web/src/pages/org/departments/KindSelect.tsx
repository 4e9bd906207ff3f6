import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentKind } from '@qinlian/contracts';

type Props = { value?: string; onChange?: (v: string) => void; id?: string };

export function KindSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={DepartmentKind.options.map((k) => ({ value: k, label: t(`dept.kinds.${k}`) }))}
      data-testid="dept-kind-select"
    />
  );
}
