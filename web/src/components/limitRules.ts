import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/**
 * The form's own check of a server limit, said in words (issue #12 item 10): an input never cuts
 * a pasted text or clamps a number without telling — it shows the count against the limit
 * (`count={{ show: true, max }}`) and this rule refuses, naming the limit, before anything is sent.
 */
export const textLimit = (t: TFunction, max: number): Rule => ({ max, message: t('planning.tooLong', { max }) });

/** A whole number in [min, max]; the InputNumber itself gets no min/max props, which would clamp on blur. */
export const integerRange = (t: TFunction, min: number, max: number): Rule => ({
  type: 'integer',
  min,
  max,
  message: t('planning.range', { min, max }),
});
