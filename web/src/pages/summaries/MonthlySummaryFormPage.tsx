import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MonthlySummaryForm } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { FiguresCard } from './FiguresCard.tsx';
import { periodLabel } from './periodLabel.ts';
import { SummaryStatusTag } from './SummaryStatusTag.tsx';
import { useMonthlyForm, useSubmitMonthly } from './hooks.ts';

type Values = { highlights: string; problems?: string; nextPlan: string };

/**
 * 本部门月度小结: the department's template of a month — its task figures prefilled and read-only, the
 * tasks it closed, and what it writes: highlights (prefilled from those tasks), problems, next month's plan.
 */
export function MonthlySummaryFormPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? undefined;
  const departmentId = params.get('departmentId') ?? undefined;
  const form = useMonthlyForm({ month, departmentId });
  const data = form.data;
  const choose = (m: string) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search);
        p.set('month', m);
        return p;
      },
      { replace: true },
    );
  return (
    <div className="page">
      <Link to="/summaries/monthly" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('summaries.form.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={12} wrap className="page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('summaries.form.title')}
          {data && ` · ${data.departmentName}`}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={data ? dayjs(`${data.month}-01`) : null}
          onChange={(d) => d && choose(d.format('YYYY-MM'))}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          aria-label={t('summaries.form.month')}
          data-testid="summary-form-month"
        />
      </Flex>
      {form.isError && <Alert type="error" showIcon title={(form.error as Error).message} />}
      {form.isLoading && <Spin />}
      {data && <FormBody key={`${data.month}|${data.departmentId}|${data.summary?.version ?? 0}`} data={data} />}
    </div>
  );
}

/** Where the summary stands: not yet open, waiting, accepted, returned with the office's reason. */
function StateAlert({ data }: { data: MonthlySummaryForm }) {
  const { t } = useTranslation();
  const s = data.summary;
  const label = periodLabel(t, data.month);
  if (!data.monthEnded) return <Alert type="info" showIcon title={t('summaries.form.notEnded', { month: label, date: data.opensOn })} />;
  if (s?.status === 'submitted') return <Alert type="info" showIcon title={t('summaries.form.waiting')} />;
  if (s?.status === 'accepted') return <Alert type="success" showIcon title={t('summaries.form.accepted')} />;
  if (s?.status === 'returned')
    return <Alert type="warning" showIcon title={t('summaries.form.returned', { reason: s.returnReason ?? '' })} />;
  if (!data.canSubmit) return <Alert type="info" showIcon title={t('summaries.form.readOnly')} />;
  return <Alert type="info" showIcon title={t('summaries.form.due', { date: data.dueDate })} />;
}

const rename = (path: string) => path.replace(/^body\./, '');

function FormBody({ data }: { data: MonthlySummaryForm }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const submit = useSubmitMonthly();
  const s = data.summary;
  const figures = s?.figures ?? data.figures;
  const locked = !data.canSubmit;
  const send = (v: Values) => {
    errors.clear();
    submit.mutate(
      {
        month: data.month,
        departmentId: data.departmentId,
        version: s?.version,
        highlights: v.highlights.trim(),
        problems: v.problems?.trim() ?? '',
        nextPlan: v.nextPlan.trim(),
      },
      { onSuccess: () => toastSuccess(t('summaries.form.submitted')), onError: errors.show },
    );
  };
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        {s && <SummaryStatusTag of="monthly" status={s.status} />}
        <Typography.Text type="secondary">{periodLabel(t, data.month)}</Typography.Text>
      </Flex>
      <StateAlert data={data} />
      <FiguresCard figures={figures} frozen={!!s?.figuresFrozen} />
      <Card size="small" title={t('summaries.form.closedTasks')}>
        {data.closedTasks.length === 0 && <Typography.Text type="secondary">{t('summaries.form.noClosedTasks')}</Typography.Text>}
        {data.closedTasks.map((c) => (
          <Flex key={c.code} gap={8} wrap align="center" style={{ minWidth: 0, padding: '4px 0' }} data-testid="summary-closed-task">
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{c.title}</Typography.Text>
            <Typography.Text type="secondary">{c.code}</Typography.Text>
            <Tag color={c.onTime ? 'green' : 'orange'}>{t(c.onTime ? 'summaries.form.onTime' : 'summaries.form.lateClosed')}</Tag>
          </Flex>
        ))}
      </Card>
      <Card size="small">
        <FieldErrorsAlert errors={errors.errors} />
        <Form
          form={form}
          layout="vertical"
          onFinish={send}
          disabled={locked}
          initialValues={{
            highlights: s?.highlights || data.suggestedHighlights,
            problems: s?.problems ?? '',
            nextPlan: s?.nextPlan ?? '',
          }}
        >
          <Form.Item
            name="highlights"
            label={t('summaries.fields.highlights')}
            rules={[{ required: true, whitespace: true }, textLimit(t, 5000)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 14 }}
              placeholder={t('summaries.fields.highlightsPlaceholder')}
              data-testid="summary-highlights"
            />
          </Form.Item>
          <Form.Item name="problems" label={t('summaries.fields.problems')} rules={[textLimit(t, 5000)]}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('summaries.fields.problemsPlaceholder')}
              data-testid="summary-problems"
            />
          </Form.Item>
          <Form.Item
            name="nextPlan"
            label={t('summaries.fields.nextPlan')}
            rules={[{ required: true, whitespace: true }, textLimit(t, 5000)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('summaries.fields.nextPlanPlaceholder')}
              data-testid="summary-next-plan"
            />
          </Form.Item>
          {!locked && (
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} data-testid="summary-submit">
                {t(s?.status === 'returned' ? 'summaries.form.resubmit' : 'summaries.form.submit')}
              </Button>
            </Flex>
          )}
        </Form>
      </Card>
    </Flex>
  );
}
