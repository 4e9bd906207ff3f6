import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { first: boolean; last: boolean; busy: boolean; onMove: (step: -1 | 1) => void; testId: string };

/** 上移 / 下移 among siblings. */
export function SortButtons({ first, last, busy, onMove, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={first || busy}
        aria-label={t('planEditor.moveUp')}
        onClick={() => onMove(-1)}
        data-testid={`${testId}-up`}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={last || busy}
        aria-label={t('planEditor.moveDown')}
        onClick={() => onMove(1)}
        data-testid={`${testId}-down`}
      />
    </Space>
  );
}
