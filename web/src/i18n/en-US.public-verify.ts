import type { zhPublicVerify } from './zh-CN.public-verify.ts';

/** Checking a bulletin, for the public (en-US; keys checked against zh-CN). Spread into `public` of en-US.public.ts. */
export const enPublicVerify: typeof zhPublicVerify = {
  verify: {
    title: 'Check a bulletin',
    intro:
      'Every bulletin ends with the "audit head" (a sequence number and a hash) and the area’s SM2 signature. Copy them below to confirm that no record in the system has been changed since the bulletin went out.',
    head: 'Audit head (sequence:hash)',
    headHint: 'e.g. 1024:9f86d081884c7d65…; you may paste the whole line',
    signatureTitle: 'Check the signature (optional)',
    signature: 'Signature',
    keyId: 'Key id',
    signedAt: 'Signed at',
    signedAtHint: 'e.g. 2026-03-02T01:00:00.000Z, as printed',
    submit: 'Check',
    checking: 'Checking…',
    again: 'Check again',
    keysLink: 'The area’s signing keys',
    verdicts: {
      confirmed: {
        title: 'The records are intact',
        text: 'Today’s audit chain still has row {{seq}} with the printed hash, and every row from the first to the latest (row {{head}}) checks out. No record has been changed since the bulletin went out.',
      },
      pending: {
        title: 'Still checking',
        text: 'Row {{seq}} matches the bulletin; rows up to {{through}} of {{head}} have been checked so far. Please check again in a moment.',
      },
      not_found: {
        title: 'No such row',
        text: 'Today’s audit chain has no row {{seq}} (the latest is row {{head}}). Check the number first; if it is right, records were deleted or the chain was cut short.',
      },
      altered: {
        title: 'Records have been changed',
        text: 'Row {{seq}} no longer has the printed hash: it, or a record before it, was rewritten after the bulletin went out. Check the hash first; if it is right, please report it to the discipline inspection office.',
      },
      broken: {
        title: 'Records have been changed',
        after:
          'Row {{seq}} matches the bulletin, but row {{bad}} after it no longer checks out: a record was changed after the bulletin went out. Please report it to the discipline inspection office.',
        before:
          'Row {{seq}} matches the bulletin, but row {{bad}} before it no longer checks out. Please report it to the discipline inspection office.',
      },
    },
    signatures: {
      valid: 'The signature is valid: made with the area’s SM2 key {{keyId}} (in use since {{from}}).',
      unknown_key:
        'The signature cannot be checked: the area has no public key {{keyId}}. Check the key id, or see the area’s signing keys.',
      after_retirement: 'The signature is not valid: it is dated after key {{keyId}} was retired ({{until}}).',
      mismatch:
        'The signature is not valid: it does not match the printed sequence number, hash and signing time. Check for typos; if there are none, the bulletin may be forged.',
    },
  },
  keys: {
    title: 'The area’s signing keys',
    intro:
      'Signatures on bulletins are checked with these SM2 public keys (SM3 digest, default user id 1234567812345678); any SM2 tool can verify them. After a key is rotated its public key stays here, so older bulletins can still be checked.',
    none: 'The area has not issued a signed bulletin yet.',
    current: 'In use',
    retired: 'Retired',
    from: 'From {{at}}',
    until: 'Until {{at}}',
    publicKey: 'Public key',
    verifyLink: 'Check a bulletin',
  },
};
