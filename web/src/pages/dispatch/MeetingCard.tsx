import { useState } from 'react';
import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Grid, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchSheet } from '@qinlian/contracts';
import { MeetingDrawer } from './MeetingDrawer.tsx';

/** 调度会议: when, where, who chaired, who attended and who was absent and why, the minutes. */
export function MeetingCard({ sheet }: { sheet: DispatchSheet }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [recording, setRecording] = useState(false);
  const m = sheet.meeting;
  const present = m?.attendees.filter((a) => a.present).length ?? 0;
  return (
    <Card
      title={t('dispatch.meeting.title')}
      extra={
        sheet.abilities.recordMeeting && (
          <Button
            size="small"
            type={m ? 'default' : 'primary'}
            icon={<FormOutlined />}
            onClick={() => setRecording(true)}
            data-testid="dispatch-record-meeting"
          >
            {m ? t('dispatch.meeting.edit') : t('dispatch.meeting.record')}
          </Button>
        )
      }
      data-testid="dispatch-meeting"
    >
      {!m && <Typography.Text type="secondary">{t('dispatch.meeting.notHeld')}</Typography.Text>}
      {m && (
        <>
          <Descriptions column={phone ? 1 : 2} size="small">
            <Descriptions.Item label={t('dispatch.meeting.date')}>
              {m.date} {m.time}
            </Descriptions.Item>
            <Descriptions.Item label={t('dispatch.meeting.chair')}>{m.chairName}</Descriptions.Item>
            <Descriptions.Item label={t('dispatch.meeting.place')} span={phone ? 1 : 2}>
              {m.place}
            </Descriptions.Item>
            {m.minutes && (
              <Descriptions.Item label={t('dispatch.meeting.minutes')} span={phone ? 1 : 2}>
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.minutes}</div>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Text strong>
            {t('dispatch.meeting.attendees')} · {t('dispatch.meeting.attendance', { present, absent: m.attendees.length - present })}
          </Typography.Text>
          <List
            size="small"
            dataSource={m.attendees}
            renderItem={(a) => (
              <List.Item data-testid="dispatch-attendee" data-present={a.present}>
                <div style={{ minWidth: 0 }}>
                  {a.name} <Typography.Text type="secondary">{a.departmentName}</Typography.Text>
                  {a.absenceReason && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('dispatch.meeting.absenceReason')}：{a.absenceReason}
                      </Typography.Text>
                    </div>
                  )}
                </div>
                <Tag color={a.present ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                  {a.present ? t('dispatch.meeting.present') : t('dispatch.meeting.absent')}
                </Tag>
              </List.Item>
            )}
          />
        </>
      )}
      <MeetingDrawer sheet={sheet} open={recording} onClose={() => setRecording(false)} />
    </Card>
  );
}
