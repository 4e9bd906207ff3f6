import { useState } from 'react';
import { DownloadOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '@qinlian/contracts';
import { formatSize } from './EvidencePicker.tsx';

/** The types the server ever serves inline (platform/files/content-type.ts): only these open in the browser. */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const previewKind = (mime: string): 'image' | 'pdf' | null => (IMAGES.has(mime) ? 'image' : mime === 'application/pdf' ? 'pdf' : null);
const inlineUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=true`;

/** 佐证材料: its name and size as a download link; images and PDF also open in a preview dialog. */
export function EvidenceLink({ file }: { file: EvidenceFile }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const kind = previewKind(file.mime);
  const name = (
    <>
      <PaperClipOutlined /> {file.name}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ({formatSize(file.size)})
      </Typography.Text>
    </>
  );

  return (
    <Flex gap={4} align="center" wrap>
      {kind ? (
        <a onClick={() => setOpen(true)} title={t('planning.evidence.preview')} data-testid="task-evidence-link">
          {name}
        </a>
      ) : (
        <a href={file.url} download={file.name} data-testid="task-evidence-link">
          {name}
        </a>
      )}
      {kind && (
        <Button
          type="text"
          size="small"
          icon={<EyeOutlined />}
          aria-label={t('planning.evidence.preview')}
          onClick={() => setOpen(true)}
          data-testid="task-evidence-preview"
        />
      )}
      {kind && (
        <Modal
          open={open}
          title={file.name}
          onCancel={() => setOpen(false)}
          width={kind === 'pdf' ? 960 : 800}
          destroyOnHidden
          footer={
            <Button icon={<DownloadOutlined />} href={file.url} download={file.name}>
              {t('planning.evidence.download')}
            </Button>
          }
        >
          {kind === 'image' ? (
            <img
              src={inlineUrl(file.url)}
              alt={file.name}
              style={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', margin: '0 auto' }}
              data-testid="evidence-preview-image"
            />
          ) : (
            <iframe
              src={inlineUrl(file.url)}
              title={file.name}
              style={{ width: '100%', height: '70vh', border: 0 }}
              data-testid="evidence-preview-pdf"
            />
          )}
        </Modal>
      )}
    </Flex>
  );
}
