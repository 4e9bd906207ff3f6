import { isApiError } from '../../api/client.ts';

/**
 * The server's refusal, already in the language it was asked in: its sentence, and the fields it
 * names by the form's own names (`body.phone` → `phone`) so each shows beside its input.
 */
export function serverAnswer(err: unknown): { message: string; fields: Record<string, string> } {
  if (!isApiError(err)) return { message: String(err), fields: {} };
  const fields: Record<string, string> = {};
  for (const f of err.fields) {
    const name = f.path.replace(/^body\./, '');
    if (name && !fields[name]) fields[name] = f.message;
  }
  return { message: err.message, fields };
}
