import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './runImport.ts';

/**
 * Where a running import is: rows read so far (the total is not known until the file is read),
 * then the rows being checked, then written out of their total.
 */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const { state, done, total } = progress;
  const writing = state === 'writing' && total;
  const label =
    state === 'reading'
      ? t('importer.progressReading', { done })
      : state === 'checking'
        ? t('importer.progressChecking', { total: total ?? 0 })
        : t('importer.progressWriting', { done, total: total ?? 0 });
  return (
    <div data-testid="import-progress" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress
        percent={writing ? Math.floor((done / total) * 100) : 100}
        status="active"
        showInfo={!!writing}
        strokeColor={writing ? undefined : { from: '#bae0ff', to: '#1677ff' }}
      />
    </div>
  );
}
