import { useState } from 'react';
import { DesktopOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DoorBoardLink } from '@qinlian/contracts';
import { toastError } from '../../app/feedback.ts';
import { fetchDoorBoardLink } from './hooks.ts';

/**
 * 打开门口屏: asks for the department's public code (made the first time) and opens the kiosk page in
 * a new tab, then shows its address and code to copy onto the screen beside the door. The tab is
 * opened at the click, before the answer, so that no popup blocker takes it for an unasked window.
 */
export function DoorBoardLinkButton({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<DoorBoardLink | null>(null);
  const [loading, setLoading] = useState(false);
  const url = link ? new URL(link.kioskPath, window.location.origin).href : '';

  const open = async () => {
    const tab = window.open('about:blank', '_blank');
    setLoading(true);
    try {
      const answer = await fetchDoorBoardLink(departmentId);
      setLink(answer);
      if (tab) {
        tab.opener = null; // the kiosk page gets no handle on the console
        tab.location.href = answer.kioskPath;
      }
    } catch (err) {
      tab?.close();
      toastError(t('whereabouts.doorBoard.failed', { reason: (err as Error).message }));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button icon={<DesktopOutlined />} loading={loading} onClick={() => void open()} data-testid="whereabouts-door-board">
        {t('whereabouts.doorBoard.open')}
      </Button>
      <Modal open={!!link} title={t('whereabouts.doorBoard.title')} onCancel={() => setLink(null)} footer={null} width={560}>
        {link && (
          <div data-testid="door-board-link">
            <Typography.Paragraph type="secondary">{t('whereabouts.doorBoard.hint')}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('whereabouts.doorBoard.url')}>
                <Typography.Link
                  href={link.kioskPath}
                  target="_blank"
                  rel="noopener noreferrer"
                  copyable={{ text: url }}
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="door-board-link-url"
                >
                  {url}
                </Typography.Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('whereabouts.doorBoard.code')}>
                <Typography.Text code copyable={{ text: link.code }} data-testid="door-board-link-code">
                  {link.displayCode}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </div>
        )}
      </Modal>
    </>
  );
}
