import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Col, Flex, Grid, Row, Spin, Tabs } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DecisionsCard } from './DecisionsCard.tsx';
import { ItemsCard } from './ItemsCard.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { SheetHeader } from './SheetHeader.tsx';
import { useDispatchSheet } from './hooks.ts';

/**
 * One dispatch sheet (调度单): its items by leader in charge (the office edits them while the sheet is
 * open), the meeting with its attendance, and the decisions with the tasks they became.
 */
export function DispatchSheetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useDispatchSheet(id);
  const sheet = one.data;
  const phone = Grid.useBreakpoint().md === false;
  return (
    <div className="page">
      <Link to="/dispatch" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('dispatch.back')}
      </Link>
      {one.isError && <Alert type="error" showIcon title={(one.error as Error).message} />}
      {one.isLoading && <Spin />}
      {sheet && (
        <Flex vertical gap={16}>
          <SheetHeader sheet={sheet} />
          {phone ? (
            // a phone shows one part at a time: a long sheet would push the meeting out of reach
            <Tabs
              items={[
                { key: 'items', label: t('dispatch.items.title'), children: <ItemsCard sheet={sheet} /> },
                { key: 'meeting', label: t('dispatch.meeting.title'), children: <MeetingCard sheet={sheet} /> },
                { key: 'decisions', label: t('dispatch.decisions.title'), children: <DecisionsCard sheet={sheet} /> },
              ]}
              data-testid="dispatch-tabs"
            />
          ) : (
            <Row gutter={[16, 16]} align="top">
              <Col xs={24} xl={14}>
                <ItemsCard sheet={sheet} />
              </Col>
              <Col xs={24} xl={10}>
                <Flex vertical gap={16}>
                  <MeetingCard sheet={sheet} />
                  <DecisionsCard sheet={sheet} />
                </Flex>
              </Col>
            </Row>
          )}
        </Flex>
      )}
    </div>
  );
}
