import type { FormInstance } from 'antd';
import { ApiError, type FieldError } from './client.ts';

/** Server paths look like `body.account.username` (validation) or `username` (domain rules). */
export function fieldPath(path: string): string[] {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts;
}

/**
 * Puts the server's field errors beside the inputs they belong to. Returns the errors that match
 * no field of the form, so the caller can show them in an alert.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): FieldError[] {
  if (!(err instanceof ApiError) || err.fields.length === 0) return [];
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const matched: { name: (string | number)[]; errors: string[] }[] = [];
  const unmatched: FieldError[] = [];
  for (const field of err.fields) {
    // Some rules name the field with a bare code (`duplicate`, `weak_password`); the error's message says it better.
    const message = /^[a-z][a-z0-9_]*$/.test(field.message) ? err.message : field.message;
    const name = fieldPath(field.path).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = name.join('.');
    if (name.length && (known.has(key) || known.has(String(name[0])))) {
      const target = known.has(key) ? name : [name[0]!];
      matched.push({ name: target, errors: [message] });
    } else {
      unmatched.push({ path: field.path, message });
    }
  }
  if (matched.length) {
    form.setFields(matched);
    const first = matched[0];
    if (first) form.scrollToField(first.name);
  }
  return unmatched;
}

/** The same error with its field paths renamed to the form's own names (e.g. startDate → dates). */
export function renameFieldErrors(err: unknown, rename: (path: string) => string): unknown {
  if (!(err instanceof ApiError) || err.fields.length === 0) return err;
  return new ApiError(err.status, {
    code: err.code,
    message: err.message,
    allowed: err.allowed,
    fields: err.fields.map((f) => ({ ...f, path: rename(f.path) })),
  });
}
