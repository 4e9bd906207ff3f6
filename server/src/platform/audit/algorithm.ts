import crypto from 'node:crypto';

/** SM3 (国密) where Node's crypto has it, else SHA-256. The algorithm is stored with each row. */
export const AUDIT_ALGORITHM = crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';
