import { useCallback } from 'react';
import { Col, DatePicker, Form, Input, Row, Segmented, Select, TimePicker, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PersonWhereabouts, WhereaboutsSetBody, WhereaboutsState } from '@qinlian/contracts';
import { isApiError } from '../../api/client.ts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { textLimit } from '../../components/limitRules.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { WHEREABOUTS_STATES } from '../../domain/whereabouts/states.ts';
import { useSetWhereabouts } from './hooks.ts';
import { instantOf, instantToday, isTodayInShanghai, pickerValueOf } from './shanghaiInput.ts';

const PLACE_MAX = 100; // WhereaboutsSetBody.place: line(0, 100)
const NOTE_MAX = 500; // WhereaboutsSetBody.note: prose(0, 500)

export type WhereaboutsFormValues = {
  state: WhereaboutsState;
  place?: string | null;
  /** a return today is a time alone; another day takes a date and a time */
  returnMode: 'today' | 'date';
  returnTime?: Dayjs | null;
  returnAt?: Dayjs | null;
  note?: string | null;
};

type Card = Pick<PersonWhereabouts, 'state' | 'place' | 'expectedReturnAt' | 'note'>;

/** The form filled in from a person's card as it is now. */
export function formValuesOf(card: Card, now = new Date()): WhereaboutsFormValues {
  const back = card.expectedReturnAt;
  const today = !back || isTodayInShanghai(back, now);
  return {
    state: card.state,
    place: card.place ?? '',
    returnMode: today ? 'today' : 'date',
    returnTime: back && today ? pickerValueOf(back) : null,
    returnAt: back && !today ? pickerValueOf(back) : null,
    note: card.note ?? '',
  };
}

/** What is sent: in the office has no return; `version` guards against someone else's change meanwhile. */
export function bodyOf(v: WhereaboutsFormValues, version: number, now = new Date()): WhereaboutsSetBody {
  let expectedReturnAt: string | null = null;
  if (v.state !== 'in_office') {
    if (v.returnMode === 'today' && v.returnTime) expectedReturnAt = instantToday(v.returnTime, now);
    if (v.returnMode === 'date' && v.returnAt) expectedReturnAt = instantOf(v.returnAt);
  }
  return { state: v.state, place: v.place?.trim() || null, expectedReturnAt, note: v.note?.trim() || null, version };
}

/**
 * Saving a card: the server's field messages beside the inputs (a return in the past), a concurrent
 * change said in words (the card refetches), success toasted; `onSaved` after.
 */
export function useSaveWhereabouts(form: FormInstance<WhereaboutsFormValues>, onSaved?: () => void) {
  const { t } = useTranslation();
  const save = useSetWhereabouts();
  const rename = useCallback(
    (path: string) => path.replace(/expectedReturnAt$/, form.getFieldValue('returnMode') === 'date' ? 'returnAt' : 'returnTime'),
    [form],
  );
  const errors = useFormErrors(form, { rename, showOther: true });
  const submit = (personId: string, values: WhereaboutsFormValues, version: number) => {
    errors.clear();
    save.mutate(
      { personId, body: bodyOf(values, version) },
      {
        onSuccess: () => {
          toastSuccess(t('whereabouts.form.saved'));
          onSaved?.();
        },
        onError: (err) => (isApiError(err, 'version_conflict') ? toastError(t('whereabouts.form.conflict')) : errors.show(err)),
      },
    );
  };
  return { submit, saving: save.isPending, errors: errors.errors, clearErrors: errors.clear };
}

type Props = {
  form: FormInstance<WhereaboutsFormValues>;
  onFinish: (values: WhereaboutsFormValues) => void;
  /** data-testid prefix: `whereabouts` for one's own panel, `whereabouts-edit` for the head's dialog */
  testIdPrefix: string;
  /** a row of fields across the panel (one column on a phone) instead of one under another */
  wide?: boolean;
};

/** State, place, expected return (a time today, or a date and time) and a note. */
export function WhereaboutsForm({ form, onFinish, testIdPrefix: id, wide = false }: Props) {
  const { t } = useTranslation();
  const state = Form.useWatch('state', form);
  const mode = Form.useWatch('returnMode', form);
  const away = state !== undefined && state !== 'in_office';
  const col = (md: number) => (wide ? { xs: 24, sm: 12, md, xl: md } : { xs: 24 });

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark="optional"
      initialValues={{ state: 'in_office', returnMode: 'today' }}
    >
      <Row gutter={12}>
        <Col {...col(5)}>
          <Form.Item name="state" label={t('whereabouts.form.state')} rules={[{ required: true }]}>
            <Select
              data-testid={`${id}-state`}
              options={WHEREABOUTS_STATES.map((s) => ({
                value: s,
                label: <span data-testid={`${id}-state-${s}`}>{t(`whereabouts.states.${s}`)}</span>,
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...col(6)}>
          <Form.Item name="place" label={t('whereabouts.form.place')} rules={[textLimit(t, PLACE_MAX)]}>
            <Input data-testid={`${id}-place`} placeholder={t('whereabouts.form.placePlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col {...col(7)}>
          <Form.Item label={t('whereabouts.form.returnAt')} style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Form.Item name="returnMode" noStyle>
                <Segmented
                  disabled={!away}
                  data-testid={`${id}-return-mode`}
                  options={[
                    { value: 'today', label: t('whereabouts.form.returnToday') },
                    { value: 'date', label: t('whereabouts.form.returnOtherDay') },
                  ]}
                />
              </Form.Item>
              {mode === 'date' ? (
                <Form.Item name="returnAt" style={{ flex: 1, minWidth: 180, marginBottom: 24 }}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    disabled={!away}
                    placeholder={t('whereabouts.form.returnAtPlaceholder')}
                    style={{ width: '100%' }}
                    data-testid={`${id}-return`}
                  />
                </Form.Item>
              ) : (
                <Form.Item name="returnTime" style={{ flex: 1, minWidth: 120, marginBottom: 24 }}>
                  <TimePicker
                    format="HH:mm"
                    needConfirm={false}
                    disabled={!away}
                    placeholder={t('whereabouts.form.returnTimePlaceholder')}
                    style={{ width: '100%' }}
                    data-testid={`${id}-return`}
                  />
                </Form.Item>
              )}
            </div>
          </Form.Item>
        </Col>
        <Col {...col(6)}>
          <Form.Item name="note" label={t('whereabouts.form.note')} rules={[textLimit(t, NOTE_MAX)]}>
            <Input data-testid={`${id}-note`} placeholder={t('whereabouts.form.notePlaceholder')} allowClear />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
