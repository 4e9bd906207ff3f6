import type { ReactNode } from 'react';
import { App, Button, Popconfirm } from 'antd';

type Props = {
  /** the button's text, and the question's title */
  label: string;
  /** what is about to happen, named */
  confirm: ReactNode;
  /** the change itself, run once confirmed */
  onConfirm: () => Promise<unknown>;
  /** said when it succeeded */
  done: string;
  disabled?: boolean;
  testId?: string;
};

/**
 * A row's irreversible action (delete, archive, revoke): a red link that asks first, then says it is done.
 * A failure is already shown by the query client's error handler, so it is only kept from going unhandled here.
 */
export function ConfirmLink({ label, confirm, onConfirm, done, disabled, testId }: Props) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={label}
      description={confirm}
      okButtonProps={{ danger: true }}
      disabled={disabled}
      onConfirm={() =>
        onConfirm().then(
          () => void message.success(done),
          () => undefined,
        )
      }
    >
      <Button type="link" size="small" danger disabled={disabled} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
}
