import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, Modal, TreeSelect, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DemandClusterDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useCurrentPlan, useRollup } from '../../domain/plan/usePlan.ts';
import { useSelectProject } from './hooks.ts';

type Values = { measureId: string; title: string; statement?: string; dates: [Dayjs, Dayjs] };

const TITLE_MAX = 100;
const STATEMENT_MAX = 2000;
/** The server names startDate and dueDate; the form holds both in one range. */
const rename = (path: string) => path.replace(/^body\./, '').replace(/^(startDate|dueDate)$/, 'dates');

/**
 * 列为民生实事项目: the measure of the current plan the task goes under (工程 → 举措), the project's name
 * (a submitter's title to start from), its statement and dates. The task is led by the department
 * the evaluation named; the server opens it and answers the cluster with its task.
 */
export function SelectProjectDialog({ cluster, open, onClose }: { cluster: DemandClusterDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const select = useSelectProject();
  const { plan, isLoading } = useCurrentPlan(open);
  const rollup = useRollup(open ? plan?.id : undefined);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    errors.clear();
  }, [open, form, errors.clear]);

  const treeData = (rollup.data?.programmes ?? []).map((p) => ({
    value: `programme:${p.id}`,
    title: p.name,
    selectable: false,
    children: p.measures.map((m) => ({ value: m.id, title: `${m.code} ${m.name}` })),
  }));
  const today = dayjs();
  const end = plan ? dayjs(plan.endDate) : today.endOf('year');

  const submit = (v: Values) => {
    errors.clear();
    select.mutate(
      {
        id: cluster.id,
        version: cluster.version,
        measureId: v.measureId,
        title: v.title.trim(),
        statement: v.statement?.trim() || undefined,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        dueDate: v.dates[1].format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          toastSuccess(t('demandAnalysis.done.select'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('demandAnalysis.select.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('demandAnalysis.select.ok')}
      okButtonProps={{ loading: select.isPending, disabled: !plan, 'data-testid': 'select-project-ok' } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('demandAnalysis.select.hint', { department: cluster.responsibleDepartmentName ?? '' })}
      />
      {!isLoading && !plan && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('demandAnalysis.select.noPlan')} />}
      <FieldErrorsAlert errors={errors.errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{ title: cluster.headline.slice(0, TITLE_MAX), dates: [today, end.isBefore(today) ? today : end] }}
      >
        <Form.Item
          name="measureId"
          label={t('demandAnalysis.select.measure')}
          rules={[{ required: true, message: t('demandAnalysis.select.measureRequired') }]}
        >
          <TreeSelect
            // mounted anew once the plan's measures have come (closed until then): the tree opens expanded only on its first data
            key={rollup.data ? 'measures' : 'loading'}
            disabled={!rollup.data}
            treeData={treeData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            loading={rollup.isLoading}
            style={{ width: '100%' }}
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
            data-testid="select-project-measure"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('demandAnalysis.select.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('demandAnalysis.select.nameRequired') }, textLimit(t, TITLE_MAX)]}
        >
          <Input data-testid="select-project-title" />
        </Form.Item>
        <Form.Item name="statement" label={t('demandAnalysis.select.statement')} rules={[textLimit(t, STATEMENT_MAX)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="select-project-statement" />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('demandAnalysis.select.dates')}
          rules={[{ required: true, message: t('demandAnalysis.select.datesRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="select-project-dates" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
