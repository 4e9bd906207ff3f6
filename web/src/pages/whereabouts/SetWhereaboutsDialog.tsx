import { useEffect } from 'react';
import { Form, Grid, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhereaboutsBoardEntry } from '@qinlian/contracts';
import { FieldErrorsAlert } from '../../components/FieldErrorsAlert.tsx';
import { formValuesOf, useSaveWhereabouts, WhereaboutsForm, type WhereaboutsFormValues } from './WhereaboutsForm.tsx';

type Props = { person: WhereaboutsBoardEntry | null; onClose: () => void };

/** A head (or the office) sets someone's whereabouts from their card. */
export function SetWhereaboutsDialog({ person, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WhereaboutsFormValues>();
  const save = useSaveWhereabouts(form, onClose);
  const phone = Grid.useBreakpoint().sm === false;
  const { clearErrors } = save;

  useEffect(() => {
    if (!person) return;
    form.setFieldsValue(formValuesOf(person));
    clearErrors();
  }, [person, form, clearErrors]);

  return (
    <Modal
      open={!!person}
      title={person ? t('whereabouts.edit.title', { name: person.personName }) : null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.saving, 'data-testid': 'whereabouts-edit-save' } as ButtonProps}
      width={phone ? '100%' : 520}
      mask={{ closable: false }}
    >
      {person && (
        <div data-testid="whereabouts-edit">
          <FieldErrorsAlert errors={save.errors} />
          <WhereaboutsForm form={form} testIdPrefix="whereabouts-edit" onFinish={(v) => save.submit(person.personId, v, person.version)} />
        </div>
      )}
    </Modal>
  );
}
