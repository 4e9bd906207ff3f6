import type { ReactNode } from 'react';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { integerRange, textLimit } from '../../../components/limitRules.ts';

type Props = {
  /** names the inputs for tests: `programme-code`, `measure-weight` … */
  kind: 'programme' | 'measure';
  /** editing: the code stays what it was made with */
  editing: boolean;
  weightHint: string;
  /** the name's input, which differs in length between the two */
  children: ReactNode;
};

/** 编号, name, 权重 and 排序: what a programme and a measure are both made of, with the contracts' limits. */
export function EntryFields({ kind, editing, weightHint, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="code" label={t('planEditor.code')} rules={[{ required: true, whitespace: true }, textLimit(t, 20)]}>
        <Input disabled={editing} count={{ show: true, max: 20 }} data-testid={`${kind}-code`} />
      </Form.Item>
      {children}
      <Form.Item name="weight" label={t('planEditor.weight')} extra={weightHint} rules={[{ required: true }, integerRange(t, 1, 1000)]}>
        <InputNumber precision={0} style={{ width: 140 }} data-testid={`${kind}-weight`} />
      </Form.Item>
      <Form.Item name="sort" label={t('planEditor.sort')} rules={[{ required: true }, integerRange(t, 0, 1000)]}>
        <InputNumber precision={0} style={{ width: 140 }} />
      </Form.Item>
    </>
  );
}
