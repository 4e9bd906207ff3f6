import type { AuditSigningKey } from '@qinlian/contracts';
import type { AuditSigningKeysTable } from '../../platform/db/schema.ts';

/** A public key of the area, as the keys page and the bulletin check show it. */
export const presentSigningKey = (k: AuditSigningKeysTable): AuditSigningKey => ({
  id: k.id,
  publicKey: k.publicKey,
  algorithm: k.algorithm,
  validFrom: k.validFrom,
  validUntil: k.validUntil,
});
