import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Form, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonWhereabouts } from '@qinlian/contracts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { useMyWhereabouts } from './hooks.ts';
import { ReturnText } from './ReturnText.tsx';
import { StateTag } from './StateTag.tsx';
import { formValuesOf, useSaveWhereabouts, WhereaboutsForm, type WhereaboutsFormValues } from './WhereaboutsForm.tsx';

/** Where I am now, in one line above the form. */
function Current({ me }: { me: PersonWhereabouts }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text type="secondary">{t('whereabouts.mine.current')}</Typography.Text>
      <StateTag state={me.state} testId="whereabouts-mine-state" />
      {me.place && <Typography.Text>{me.place}</Typography.Text>}
      <Typography.Text type="secondary">
        <ReturnText state={me.state} expectedReturnAt={me.expectedReturnAt} />
      </Typography.Text>
      {me.actingPersonName && <Typography.Text type="secondary">{t('whereabouts.acting', { name: me.actingPersonName })}</Typography.Text>}
    </Flex>
  );
}

/** 我的去向: set one's own state quickly, at the top of the overview. */
export function MyWhereaboutsPanel({ hasPerson }: { hasPerson: boolean }) {
  const { t } = useTranslation();
  const me = useMyWhereabouts(hasPerson);
  const [form] = Form.useForm<WhereaboutsFormValues>();
  const save = useSaveWhereabouts(form);
  const card = me.data;

  // the form follows the card whenever it changes (a save, a planned absence starting, the head setting it)
  useEffect(() => {
    if (card) form.setFieldsValue(formValuesOf(card));
  }, [card, form]);

  return (
    <Card
      size="small"
      title={t('whereabouts.mine.title')}
      extra={card && <Current me={card} />}
      style={{ marginBottom: 16 }}
      data-testid="whereabouts-mine"
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {!hasPerson && <Alert type="info" showIcon title={t('whereabouts.mine.noPerson')} />}
      {me.isError && <Alert type="error" showIcon title={me.error.message} />}
      {hasPerson && me.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {card && (
        <>
          <FieldErrorsAlert errors={save.errors} />
          <Flex gap={12} align="flex-end" wrap>
            <div style={{ flex: '1 1 520px', minWidth: 0 }}>
              <WhereaboutsForm form={form} wide testIdPrefix="whereabouts" onFinish={(v) => save.submit(card.personId, v, card.version)} />
            </div>
            <Button
              type="primary"
              loading={save.saving}
              onClick={() => form.submit()}
              style={{ marginBottom: 24 }}
              data-testid="whereabouts-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </>
      )}
    </Card>
  );
}
