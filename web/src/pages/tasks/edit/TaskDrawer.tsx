import { useEffect } from 'react';
import { App, DatePicker, Divider, Flex, Form, Input, InputNumber, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { integerRange, textLimit } from '../../../components/limitRules.ts';
import type { Task } from '@qinlian/contracts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useFormErrors } from '../../../components/useFormErrors.ts';
import { PersonPicker } from '../../../components/PersonPicker.tsx';
import { toastSuccess } from '../../../app/feedback.ts';
import { usePlans, useRollup } from '../../../domain/plan/usePlan.ts';
import { useCan } from '../../../auth/session.ts';
import { confirmDueDate, dueDateProblem } from './confirmDueDate.tsx';
import { useCreateTask, useUpdateTask } from '../hooks.ts';
import { MeasureSelect } from './MeasureSelect.tsx';
import { MilestonesField } from './MilestonesField.tsx';
import { PostSelect } from './PostSelect.tsx';
import { WorkingDaysHint } from './WorkingDaysHint.tsx';

type Values = {
  measureId: string;
  code?: string;
  title: string;
  statement?: string;
  deliverables?: string;
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[];
  responsiblePostId?: string | null;
  leaderPersonId?: string | null;
  dates: [Dayjs, Dayjs];
  milestones?: { name: string; dueDate: Dayjs }[];
  weight: number;
  tagged: boolean;
};
type Props = {
  open: boolean;
  task: Task | null;
  planId?: string;
  defaultMeasureId?: string;
  onClose: () => void;
  onSaved: (t: Task) => void;
};

const DAY = 'YYYY-MM-DD';
/** The server names startDate / dueDate; the form has one range field for both. */
const formNames = (path: string) => path.replace(/^(body\.)?(startDate|dueDate)$/, '$1dates');

/** The office creates a task (draft) or edits it while it is still editable. */
export function TaskDrawer({ open, task, planId, defaultMeasureId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rollup = useRollup(open ? (task?.planId ?? planId) : undefined);
  const plans = usePlans(open);
  const plan = plans.data?.find((p) => p.id === (task?.planId ?? planId));
  const { modal } = App.useApp();
  const can = useCan();
  const create = useCreateTask();
  const update = useUpdateTask();
  // the task's mutations are silent: a conflict or a lost connection is told here, not in a toast
  const serverErrors = useFormErrors(form, { rename: formNames, showOther: true });
  const lead = Form.useWatch('leadDepartmentId', form);
  const dates = Form.useWatch('dates', form);

  useEffect(() => {
    if (!open) return;
    serverErrors.clear();
    form.resetFields();
    if (task) {
      form.setFieldsValue({
        measureId: task.measureId,
        code: task.code,
        title: task.title,
        statement: task.statement,
        deliverables: task.deliverables,
        leadDepartmentId: task.leadDepartmentId,
        cooperatingDepartmentIds: task.cooperatingDepartmentIds,
        responsiblePostId: task.responsiblePostId,
        leaderPersonId: task.leaderPersonId,
        dates: [dayjs(task.startDate), dayjs(task.dueDate)],
        milestones: task.milestones.map((m) => ({ name: m.name, dueDate: dayjs(m.dueDate) })),
        weight: task.weight,
        tagged: task.tagged,
      });
    } else {
      form.setFieldsValue({
        measureId: defaultMeasureId,
        dates: [dayjs().startOf('day'), dayjs().add(1, 'month').startOf('day')],
        weight: 1,
        tagged: false,
        milestones: [],
      });
    }
  }, [open, task, defaultMeasureId, form, serverErrors.clear]);

  const submit = (v: Values) => {
    serverErrors.clear();
    const body = {
      code: v.code?.trim() || undefined,
      title: v.title.trim(),
      statement: v.statement?.trim() ?? '',
      deliverables: v.deliverables?.trim() ?? '',
      leadDepartmentId: v.leadDepartmentId,
      cooperatingDepartmentIds: v.cooperatingDepartmentIds ?? [],
      responsiblePostId: v.responsiblePostId ?? null,
      leaderPersonId: v.leaderPersonId ?? null,
      startDate: v.dates[0].format(DAY),
      dueDate: v.dates[1].format(DAY),
      weight: v.weight,
      tagged: v.tagged,
      milestones: (v.milestones ?? []).map((m) => ({ name: m.name.trim(), dueDate: m.dueDate.format(DAY) })),
    };
    const done = (saved: Task) => {
      toastSuccess(t(task ? 'common.saved' : 'task.createdDraft'));
      onSaved(saved);
    };
    const onError = serverErrors.show;
    const send = (backfill: boolean) => {
      const flagged = { ...body, ...(backfill ? { backfill: true } : {}) };
      if (task)
        update.mutate({ id: task.id, ...flagged, code: body.code ?? task.code, version: task.version }, { onSuccess: done, onError });
      else create.mutate({ measureId: v.measureId, ...flagged }, { onSuccess: done, onError });
    };
    // a due date before today or outside the plan's period is asked about first (补录)
    const problem = task?.dueDate === body.dueDate ? null : dueDateProblem(body.dueDate, dayjs().format(DAY), plan);
    if (!problem) return send(false);
    void confirmDueDate(modal, t, problem, can('tasks.backfill')).then((backfill) => {
      if (backfill !== null) send(backfill);
    });
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={640}
      title={task ? t('task.editTitle', { code: task.code }) : t('task.create')}
      form={form}
      saving={create.isPending || update.isPending}
      errors={serverErrors.errors}
      saveTestId="task-save"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        onValuesChange={(changed: Partial<Values>) => {
          if ('leadDepartmentId' in changed) form.setFieldValue('responsiblePostId', null);
        }}
      >
        <Form.Item
          name="measureId"
          label={t('task.fields.measure')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('task.fields.measure') }) }]}
        >
          <MeasureSelect rollup={rollup.data} disabled={!!task} data-testid="task-measure-select" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="code"
            label={t('task.fields.code')}
            extra={task ? undefined : t('task.codeHint')}
            rules={[textLimit(t, 30)]}
            style={{ width: 170 }}
          >
            <Input count={{ show: true, max: 30 }} data-testid="task-code-input" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('task.fields.title')}
            rules={[{ required: true, whitespace: true }, textLimit(t, 200)]}
            style={{ flex: 1 }}
          >
            <Input count={{ show: true, max: 200 }} data-testid="task-title-input" />
          </Form.Item>
        </Flex>
        <Form.Item name="statement" label={t('task.fields.statement')} rules={[textLimit(t, 5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 5000 }} data-testid="task-statement-input" />
        </Form.Item>
        <Form.Item name="deliverables" label={t('task.fields.deliverables')} rules={[textLimit(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} count={{ show: true, max: 2000 }} data-testid="task-deliverables-input" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('task.sections.responsibility')}
        </Divider>
        <Form.Item
          name="leadDepartmentId"
          label={t('task.fields.leadDepartment')}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('task.fields.leadDepartment') }) }]}
        >
          <DepartmentTreeSelect allowClear={false} data-testid="task-lead-department-select" />
        </Form.Item>
        <Form.Item name="cooperatingDepartmentIds" label={t('task.fields.cooperating')}>
          <DepartmentTreeSelect multiple data-testid="task-cooperating-select" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="responsiblePostId" label={t('task.fields.post')} extra={t('task.postHint')} style={{ flex: 1 }}>
            <PostSelect departmentId={lead} data-testid="task-post-select" />
          </Form.Item>
          <Form.Item name="leaderPersonId" label={t('task.fields.leader')} style={{ flex: 1 }}>
            <PersonPicker valueLabel={task?.leaderName} style={{ width: '100%' }} data-testid="task-leader-select" />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start" plain>
          {t('task.sections.timetable')}
        </Divider>
        <Form.Item
          name="dates"
          label={`${t('task.fields.startDate')} ~ ${t('task.fields.dueDate')}`}
          rules={[{ required: true, message: t('common.pleaseSelect', { field: t('task.fields.dueDate') }) }]}
          extra={<WorkingDaysHint from={dates?.[0]?.format(DAY)} to={dates?.[1]?.format(DAY)} />}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="task-dates" />
        </Form.Item>
        <Form.Item label={t('task.fields.milestones')}>
          <MilestonesField />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item
            name="weight"
            label={t('task.fields.weight')}
            extra={t('task.weightHint')}
            rules={[{ required: true }, integerRange(t, 1, 100)]}
          >
            <InputNumber precision={0} data-testid="task-weight-input" />
          </Form.Item>
          <Form.Item name="tagged" label={t('task.fields.tagged')} valuePropName="checked" extra={t('task.taggedHint')}>
            <Switch data-testid="task-tagged-switch" />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
