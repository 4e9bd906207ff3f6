/**
 * Messages of the bulletin check (公告验证, docs/checkpoints.md), spread into ERROR_MESSAGES
 * (messages.ts): each names what a printed bulletin shows, so a reader knows what to copy.
 */
export const AUDIT_CHECKPOINT_ERRORS = {
  audit_checkpoint_ref: {
    'zh-CN': '检查点应写成“序号:哈希值”，如 1024:9f86d081…（照公告抄写）',
    'en-US': 'Write the checkpoint as "sequence:hash", e.g. 1024:9f86d081… (as printed on the bulletin)',
  },
  audit_checkpoint_seq: {
    'zh-CN': '序号应为公告上印的正整数，如 1024',
    'en-US': 'The sequence number is the whole number printed on the bulletin, e.g. 1024',
  },
  audit_checkpoint_hash: {
    'zh-CN': '哈希值应为 64 位十六进制字符（0–9、a–f），请照公告逐字填写',
    'en-US': 'The hash is 64 hexadecimal characters (0–9, a–f), exactly as printed on the bulletin',
  },
  audit_checkpoint_signature: {
    'zh-CN': '签名值应为 128 位十六进制字符（0–9、a–f）',
    'en-US': 'The signature is 128 hexadecimal characters (0–9, a–f)',
  },
  audit_checkpoint_key_id: {
    'zh-CN': '密钥编号应为 16 位十六进制字符，见公告或公钥页',
    'en-US': 'The key id is 16 hexadecimal characters, as on the bulletin or the keys page',
  },
  audit_checkpoint_signed_at: {
    'zh-CN': '签名时间应照公告填写，如 2026-03-02T01:00:00.000Z',
    'en-US': 'Give the signing time exactly as printed, e.g. 2026-03-02T01:00:00.000Z',
  },
  audit_checkpoint_signature_parts: {
    'zh-CN': '核对签名须同时填写签名值、密钥编号和签名时间',
    'en-US': 'To check the signature, give the signature, the key id and the signing time together',
  },
} as const;
