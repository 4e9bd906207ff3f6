import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignedChainHead } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';

/** The public check of a printed bulletin, with its numbers filled in (docs/checkpoints.md). */
export const verifyLink = (h: SignedChainHead) =>
  `/p/verify?${new URLSearchParams({ seq: String(h.seq), hash: h.hash, signature: h.signature, keyId: h.keyId, signedAt: h.signedAt })}`;

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/** 记录核验: the audit chain's head at publication and its SM2 signature, as the DOCX prints them. */
export function HeadCard({ head }: { head: SignedChainHead }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined /> {t('bulletins.head.title')}
        </span>
      }
      data-testid="bulletin-head"
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('bulletins.head.seq')}>{head.seq}</Descriptions.Item>
        <Descriptions.Item label={t('bulletins.head.hash')}>
          <Typography.Text copyable style={mono}>
            {head.hash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('bulletins.head.keyId')}>
          <Typography.Text style={mono}>{head.keyId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('bulletins.head.signedAt')}>
          {formatInstant(head.signedAt)} <Typography.Text type="secondary">({head.signedAt})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('bulletins.head.signature')}>
          <Typography.Text copyable style={{ ...mono, fontSize: 12 }}>
            {head.signature}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <a href={verifyLink(head)} target="_blank" rel="noreferrer" data-testid="bulletin-verify-link">
        {t('bulletins.head.verify')}
      </a>
    </Card>
  );
}
