import { Alert } from 'antd';
import type { FieldError } from '../api/client.ts';

/** Server field errors that match no input of the form. */
export function FieldErrorsAlert({ errors }: { errors: FieldError[] }) {
  if (!errors.length) return null;
  const messages = [...new Set(errors.map((f) => f.message))];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        messages.length === 1 ? (
          messages[0]
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )
      }
      data-testid="form-errors"
    />
  );
}
