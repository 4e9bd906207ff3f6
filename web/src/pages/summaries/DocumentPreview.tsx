import { Alert, Card, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryDocument } from '@qinlian/contracts';
import { useDocumentPreview } from './hooks.ts';

/**
 * 预览: the document as it would print. The server escapes every text and sends only elements and
 * inline styles (platform/documents/official/preview.ts), so it is shown as HTML; a wide letterhead
 * scrolls inside the card instead of widening the page on a phone.
 */
export function DocumentPreview({ document }: { document: SummaryDocument }) {
  const { t } = useTranslation();
  const preview = useDocumentPreview(document.id, document.version);
  return (
    <Card title={t('summaries.documents.preview')} styles={{ body: { background: '#f5f5f5', padding: 12 } }}>
      {preview.isLoading && <Spin />}
      {preview.isError && <Alert type="error" showIcon title={(preview.error as Error).message} />}
      {preview.data && (
        <div
          style={{ background: '#fff', padding: '24px 28px', overflowX: 'auto', overflowWrap: 'anywhere', maxWidth: 794, margin: '0 auto' }}
          data-testid="summary-document-preview"
          // escaped by the server: elements and inline styles only, no script, link or URL
          dangerouslySetInnerHTML={{ __html: preview.data.html }}
        />
      )}
    </Card>
  );
}
