import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DemandIntakeBody, DemandKind, PublicPhone, type DemandDetail } from '@qinlian/contracts';
import { toastSuccess } from '../../app/feedback.ts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { textLimit } from '../../components/limitRules.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { DemandIntakeDone } from './DemandIntakeDone.tsx';
import { useIntake, useSolicitationChoices } from './hooks.ts';

type Values = {
  channel: 'phone' | 'letter';
  kind: DemandKind;
  solicitationId?: string;
  category?: string;
  title: string;
  body: string;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
};

const rename = (path: string) => path.replace(/^body\./, '');
const max = (field: 'title' | 'body') => DemandIntakeBody.shape[field].maxLength ?? 2000;
const NAME_MAX = 50;
const ADDRESS_MAX = 200;
const EMAIL_MAX = 200;
const optional = (s: string | undefined) => s?.trim() || undefined;

/**
 * 登记来电来信: a clerk enters a call or a letter as the caller or writer put it — the same kind of
 * record as the web form leaves — then attaches the letter's scan. The tracking code is read back to
 * the caller or written in the reply letter.
 */
export function DemandIntakePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, { rename, showOther: true });
  const intake = useIntake();
  const campaigns = useSolicitationChoices();
  const [created, setCreated] = useState<DemandDetail | null>(null);
  const kind = Form.useWatch('kind', form);
  const solicitationId = Form.useWatch('solicitationId', form);
  const open = (campaigns.data?.items ?? []).filter((s) => s.open);
  const categories = open.find((s) => s.id === solicitationId)?.categories ?? [];

  const submit = (v: Values) => {
    errors.clear();
    intake.mutate(
      {
        channel: v.channel,
        kind: v.kind,
        solicitationId: v.kind === 'suggestion' ? v.solicitationId : undefined,
        category: optional(v.category),
        title: v.title.trim(),
        body: v.body.trim(),
        name: optional(v.name),
        phone: optional(v.phone),
        email: optional(v.email),
        address: optional(v.address),
      },
      {
        onSuccess: (item) => {
          toastSuccess(t('demands.intake.done', { code: item.code }));
          setCreated(item);
        },
        onError: errors.show,
      },
    );
  };

  const back = (
    <Link to="/demands" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t('demands.back')}
    </Link>
  );
  if (created)
    return (
      <div className="page">
        {back}
        <DemandIntakeDone
          item={created}
          onAnother={() => {
            form.resetFields();
            setCreated(null);
          }}
        />
      </div>
    );

  return (
    <div className="page">
      {back}
      <PageContainer title={t('demands.intake.title')} subtitle={t('demands.intake.subtitle')}>
        <Card>
          <FieldErrorsAlert errors={errors.errors} />
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            requiredMark="optional"
            initialValues={{ channel: 'phone', kind: 'demand' }}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="channel" label={t('demands.fields.channel')}>
                  <Radio.Group
                    optionType="button"
                    options={(['phone', 'letter'] as const).map((c) => ({ value: c, label: t(`demands.channels.${c}`) }))}
                    data-testid="intake-channel"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="kind" label={t('demands.fields.kind')}>
                  <Radio.Group
                    optionType="button"
                    options={DemandKind.options.map((k) => ({ value: k, label: t(`demands.kinds.${k}`) }))}
                    data-testid="intake-kind"
                  />
                </Form.Item>
              </Col>
              {kind === 'suggestion' && (
                <Col xs={24} md={12}>
                  <Form.Item name="solicitationId" label={t('demands.fields.solicitation')} extra={t('demands.intake.solicitationHint')}>
                    <Select
                      allowClear
                      options={open.map((s) => ({ value: s.id, label: s.title }))}
                      loading={campaigns.isLoading}
                      data-testid="intake-solicitation"
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="category" label={t('demands.fields.category')} rules={[textLimit(t, 40)]}>
                  <AutoComplete options={categories.map((c) => ({ value: c }))} data-testid="intake-category">
                    <Input />
                  </AutoComplete>
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="title"
              label={t('demands.fields.title')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('demands.intake.titleRequired') }, textLimit(t, max('title'))]}
            >
              <Input count={{ show: true, max: max('title') }} data-testid="intake-title" />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('demands.fields.body')}
              extra={t('demands.intake.bodyHint')}
              rules={[{ required: true, whitespace: true, min: 5, message: t('demands.intake.bodyRequired') }, textLimit(t, max('body'))]}
            >
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} count={{ show: true, max: max('body') }} data-testid="intake-body" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="name" label={t('demands.fields.name')} rules={[textLimit(t, NAME_MAX)]}>
                  <Input autoComplete="off" data-testid="intake-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="phone"
                  label={t('demands.fields.phone')}
                  extra={t('demands.intake.phoneHint')}
                  rules={[
                    {
                      validator: (_, v: string | undefined) =>
                        !v?.trim() || PublicPhone.safeParse(v).success
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('demands.intake.phoneInvalid'))),
                    },
                  ]}
                >
                  <Input inputMode="tel" autoComplete="off" data-testid="intake-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="email"
                  label={t('demands.fields.email')}
                  rules={[{ type: 'email', message: t('demands.intake.emailInvalid') }, textLimit(t, EMAIL_MAX)]}
                >
                  <Input inputMode="email" autoComplete="off" data-testid="intake-email" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="address" label={t('demands.fields.address')} rules={[textLimit(t, ADDRESS_MAX)]}>
                  <Input data-testid="intake-address" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={intake.isPending} data-testid="intake-submit">
              {t('demands.intake.submit')}
            </Button>
          </Form>
        </Card>
      </PageContainer>
    </div>
  );
}
