/**
 * 公告验证 for the public (zh-CN): /p/verify checks the audit head a bulletin printed, /p/keys lists
 * the area's SM2 public keys (docs/checkpoints.md). Spread into `public` of zh-CN.public.ts.
 */
export const zhPublicVerify = {
  verify: {
    title: '核对公告',
    intro: '每期公告末尾印有“审计链头”（序号和哈希值）和本区的 SM2 签名。照抄到下面，就能确认公告发出以后，系统里的记录没有被改动过。',
    head: '审计链头（序号:哈希值）',
    headHint: '如 1024:9f86d081884c7d65…，可整段粘贴',
    signatureTitle: '核对签名（选填）',
    signature: '签名值',
    keyId: '密钥编号',
    signedAt: '签名时间',
    signedAtHint: '如 2026-03-02T01:00:00.000Z，照公告抄写',
    submit: '核对',
    checking: '正在核对…',
    again: '再查一次',
    keysLink: '查看本区签名公钥',
    verdicts: {
      confirmed: {
        title: '记录完好',
        text: '审计链今天仍有第 {{seq}} 行，哈希值与公告一致；从第 1 行到最新的第 {{head}} 行全部复核无误。公告发出以后，记录没有被改动。',
      },
      pending: {
        title: '正在复核',
        text: '第 {{seq}} 行与公告一致，已复核到第 {{through}} 行（共 {{head}} 行）。请稍后再查一次。',
      },
      not_found: {
        title: '链中没有这一行',
        text: '审计链今天没有第 {{seq}} 行（最新为第 {{head}} 行）。请先核对序号是否抄错；如无误，说明有记录被删除或审计链被截断。',
      },
      altered: {
        title: '记录已被改动',
        text: '第 {{seq}} 行的哈希值与公告不一致：这一行或它之前的记录在公告发出后被改写。请先核对哈希值是否抄错；如无误，请向纪检监察机关反映。',
      },
      broken: {
        title: '记录已被改动',
        after: '第 {{seq}} 行与公告一致，但其后第 {{bad}} 行的记录已对不上：公告发出以后有记录被改动。请向纪检监察机关反映。',
        before: '第 {{seq}} 行与公告一致，但此前第 {{bad}} 行的记录已对不上。请向纪检监察机关反映。',
      },
    },
    signatures: {
      valid: '签名有效：由本区 SM2 密钥 {{keyId}} 签署（{{from}} 启用）。',
      unknown_key: '签名无法核对：本区没有编号为 {{keyId}} 的公钥，请核对密钥编号，或查看本区签名公钥。',
      after_retirement: '签名无效：签名时间晚于密钥 {{keyId}} 停用的时间（{{until}}）。',
      mismatch: '签名无效：与公告上的序号、哈希值和签名时间对不上。请核对是否抄错；如无误，这份公告可能是伪造的。',
    },
  },
  keys: {
    title: '本区签名公钥',
    intro:
      '公告上的签名用下列 SM2 公钥核对（SM3 摘要，默认用户标识 1234567812345678），任何国密工具都可以验证。密钥轮换后，旧公钥仍保留在这里，旧公告照样可以核对。',
    none: '本区还没有签发过公告。',
    current: '在用',
    retired: '已停用',
    from: '启用：{{at}}',
    until: '停用：{{at}}',
    publicKey: '公钥',
    verifyLink: '核对一份公告',
  },
};
