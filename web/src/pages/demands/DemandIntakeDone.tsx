import { useState } from 'react';
import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, List, Result, Typography, Upload } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { useAttachScan } from './hooks.ts';

/**
 * 登记完成: the tracking code to read back to the caller or to write in the reply letter; for a
 * letter, its scan (来信扫描件) dropped or chosen here and attached to the entry — the server checks
 * the file's type by its bytes and its size.
 */
export function DemandIntakeDone({ item, onAnother }: { item: DemandDetail; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attach = useAttachScan();
  const [current, setCurrent] = useState(item);
  return (
    <Card data-testid="intake-done">
      <Result
        status="success"
        title={t('demands.intake.doneTitle')}
        subTitle={
          <>
            {t('demands.intake.codeLine')}
            <Typography.Text copyable strong style={{ fontFamily: 'ui-monospace, monospace', fontSize: 18 }} data-testid="intake-code">
              {current.code}
            </Typography.Text>
          </>
        }
        extra={[
          <Button key="open" type="primary" onClick={() => void navigate(`/demands/${current.id}`)} data-testid="intake-open">
            {t('demands.intake.open')}
          </Button>,
          <Button key="another" onClick={onAnother} data-testid="intake-another">
            {t('demands.intake.another')}
          </Button>,
        ]}
      />
      {current.channel === 'letter' && (
        <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="intake-scan">
          <Upload.Dragger
            accept="image/*,application/pdf"
            multiple={false}
            showUploadList={false}
            disabled={attach.isPending}
            customRequest={({ file }) =>
              attach.mutate(
                { id: current.id, file: file as File },
                {
                  onSuccess: (next) => {
                    setCurrent(next);
                    toastSuccess(t('demands.intake.scanAttached'));
                  },
                  onError: (err) => toastError(err.message),
                },
              )
            }
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('demands.intake.scan')}</p>
            <p className="ant-upload-hint">{t('demands.intake.scanHint')}</p>
          </Upload.Dragger>
          {current.attachments.length > 0 && (
            <List
              size="small"
              dataSource={current.attachments}
              renderItem={(a) => (
                <List.Item key={a.id} data-testid="intake-attachment">
                  <span style={{ overflowWrap: 'anywhere' }}>
                    <PaperClipOutlined /> {a.originalName}
                  </span>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </Card>
  );
}
