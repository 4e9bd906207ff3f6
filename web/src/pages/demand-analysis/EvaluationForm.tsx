import { Button, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { Feasibility, type DemandClusterDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect.tsx';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useEvaluate } from './hooks.ts';

type Values = { estimatedCost: number; feasibility: Feasibility; feasibilityNote?: string; responsibleDepartmentId: string };

const NOTE_MAX = 1000;
const rename = (path: string) => path.replace(/^body\./, '');

/**
 * 论证意见: estimated cost in whole yuan, feasibility with its note, and the responsible department;
 * revisable until the cluster is selected. The server's refusal shows beside the field it names.
 */
export function EvaluationForm({ cluster, onDone }: { cluster: DemandClusterDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const evaluate = useEvaluate();
  const submit = (v: Values) => {
    errors.clear();
    evaluate.mutate(
      {
        id: cluster.id,
        version: cluster.version,
        estimatedCost: v.estimatedCost,
        feasibility: v.feasibility,
        feasibilityNote: v.feasibilityNote?.trim() ?? '',
        responsibleDepartmentId: v.responsibleDepartmentId,
      },
      {
        onSuccess: () => {
          toastSuccess(t('demandAnalysis.done.evaluate'));
          onDone();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark="optional"
      initialValues={{
        estimatedCost: cluster.estimatedCost ?? undefined,
        feasibility: cluster.feasibility ?? undefined,
        feasibilityNote: cluster.feasibilityNote ?? '',
        responsibleDepartmentId: cluster.responsibleDepartmentId ?? undefined,
      }}
      data-testid="cluster-evaluation-form"
    >
      <FieldErrorsAlert errors={errors.errors} />
      <Form.Item
        name="estimatedCost"
        label={t('demandAnalysis.evaluation.cost')}
        extra={t('demandAnalysis.evaluation.costHint')}
        rules={[{ required: true, type: 'integer', min: 0, message: t('demandAnalysis.evaluation.costRequired') }]}
      >
        <InputNumber<number> min={0} precision={0} step={10_000} style={{ width: '100%' }} data-testid="evaluation-cost" />
      </Form.Item>
      <Form.Item
        name="feasibility"
        label={t('demandAnalysis.evaluation.feasibility')}
        rules={[{ required: true, message: t('demandAnalysis.evaluation.feasibilityRequired') }]}
      >
        <Radio.Group
          optionType="button"
          options={Feasibility.options.map((f) => ({ value: f, label: t(`demandAnalysis.feasibilities.${f}`) }))}
          data-testid="evaluation-feasibility"
        />
      </Form.Item>
      <Form.Item name="feasibilityNote" label={t('demandAnalysis.evaluation.note')} rules={[textLimit(t, NOTE_MAX)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: NOTE_MAX }} data-testid="evaluation-note" />
      </Form.Item>
      <Form.Item
        name="responsibleDepartmentId"
        label={t('demandAnalysis.evaluation.department')}
        rules={[{ required: true, message: t('demandAnalysis.evaluation.departmentRequired') }]}
      >
        <DepartmentTreeSelect data-testid="evaluation-department" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="evaluation-save">
        {t('demandAnalysis.evaluation.save')}
      </Button>
    </Form>
  );
}
