import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { useBulletinPreview } from './hooks.ts';

/**
 * 预览: the document as the DOCX will print it, before download. The server escapes every text and the
 * fragment carries no script or link (platform/documents/official/preview.ts), so it is set as HTML.
 */
export function PreviewDrawer({
  bulletin,
  open,
  onClose,
  onDownload,
}: {
  bulletin: Bulletin;
  open: boolean;
  onClose: () => void;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const preview = useBulletinPreview(bulletin.id, bulletin.version, open);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 860}
      title={t('bulletins.preview.title')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={onDownload}>
          {t('bulletins.preview.download')}
        </Button>
      }
    >
      {preview.isLoading && <Spin tip={t('bulletins.preview.loading')} />}
      {preview.isError && <Alert type="error" showIcon title={(preview.error as Error).message} />}
      {preview.data && (
        <div
          data-testid="bulletin-preview"
          style={{
            background: '#fff',
            padding: phone ? 12 : '37mm 26mm 35mm 28mm',
            boxShadow: '0 0 6px rgba(0,0,0,0.15)',
            overflowX: 'auto',
          }}
          // escaped server-side: only the renderer's own elements and inline styles (see the note above)
          dangerouslySetInnerHTML={{ __html: preview.data.html }}
        />
      )}
    </Drawer>
  );
}
