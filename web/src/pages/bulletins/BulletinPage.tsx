import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Col, Flex, Row, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BulletinHeader } from './BulletinHeader.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { HeadCard } from './HeadCard.tsx';
import { OverdueCard } from './OverdueCard.tsx';
import { RankingCard } from './RankingCard.tsx';
import { TextCard } from './TextCard.tsx';
import { useBulletin } from './hooks.ts';

/**
 * One quarterly bulletin (季度通报): the ranking with the best and the worst marked and its weights,
 * the overdue items, the text the office writes, the leaders' comments, and once published the
 * signed audit head; preview and downloads in the header.
 */
export function BulletinPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useBulletin(id);
  const b = one.data;
  return (
    <div className="page">
      <Link to="/bulletins" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('bulletins.back')}
      </Link>
      {one.isError && <Alert type="error" showIcon title={(one.error as Error).message} />}
      {one.isLoading && <Spin />}
      {b && (
        <Flex vertical gap={16}>
          <BulletinHeader bulletin={b} />
          <RankingCard bulletin={b} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <OverdueCard bulletin={b} />
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <TextCard bulletin={b} />
                <CommentsCard bulletin={b} />
                {b.signedHead && <HeadCard head={b.signedHead} />}
              </Flex>
            </Col>
          </Row>
        </Flex>
      )}
    </div>
  );
}
