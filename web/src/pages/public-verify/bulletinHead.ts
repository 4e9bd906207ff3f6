import type { AuditCheckpointQuery } from '@qinlian/contracts';

const FIELDS = ['seq', 'hash', 'signature', 'keyId', 'signedAt'] as const;

/**
 * The head as typed or pasted: `1024:9f86…` (a full-width colon from a Chinese keyboard too), or a
 * whole pasted line around it. The server reads the numbers and names what is wrong; this only splits.
 */
export function splitHead(text: string): { seq: string; hash: string } {
  const clean = text.trim();
  const found = /(\d+)\s*[:：]\s*([0-9a-fA-F]{64})/.exec(clean);
  if (found) return { seq: found[1]!, hash: found[2]! };
  const [seq = '', ...rest] = clean.split(/[:：]/);
  return { seq: seq.trim(), hash: rest.join(':').trim() };
}

/** The check asked for in the address (/p/verify?seq=…&hash=…), so a bulletin's QR code or a shared link opens its answer. */
export function checkFromAddress(params: URLSearchParams): AuditCheckpointQuery | null {
  const seq = params.get('seq');
  const hash = params.get('hash');
  if (!seq || !hash) return null;
  const query: AuditCheckpointQuery = { seq, hash };
  for (const f of FIELDS.slice(2)) {
    const value = params.get(f);
    if (value) query[f] = value;
  }
  return query;
}

export function addressOf(query: AuditCheckpointQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const value = query[f]?.trim();
    if (value) params.set(f, value);
  }
  return params;
}
