import { useRef, useState } from 'react';
import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '@qinlian/contracts';
import { uploadEvidence } from '../hooks.ts';

type Props = { value?: EvidenceFile[]; onChange?: (files: EvidenceFile[]) => void; onBusy?: (busy: boolean) => void; id?: string };
type Failure = { name: string; message: string };

export const formatSize = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 佐证材料: each chosen file is uploaded at once (POST /api/files); the dialog sends their ids. */
export function EvidencePicker({ value = [], onChange, onBusy, id }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<string[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);

  const pick = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (input.current) input.current.value = '';
    if (!files.length) return;
    setFailures([]);
    setPending(files.map((f) => f.name));
    onBusy?.(true);
    const done: EvidenceFile[] = [];
    const failed: Failure[] = [];
    for (const file of files) {
      try {
        done.push(await uploadEvidence(file));
      } catch (err) {
        failed.push({ name: file.name, message: (err as Error).message });
      }
    }
    setPending([]);
    setFailures(failed);
    onBusy?.(false);
    if (done.length) onChange?.([...value, ...done]);
  };

  return (
    <div id={id}>
      <input
        ref={input}
        type="file"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => void pick(e.target.files)}
        data-testid="action-file-input"
      />
      <Button
        icon={<UploadOutlined />}
        onClick={() => input.current?.click()}
        loading={pending.length > 0}
        data-testid="action-file-button"
      >
        {t('task.evidence.add')}
      </Button>
      <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="action-file-list">
        {value.map((f) => (
          <Flex key={f.id} gap={8} align="center" className="evidence-row">
            <PaperClipOutlined />
            <Typography.Text ellipsis style={{ maxWidth: 320 }}>
              {f.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatSize(f.size)}
            </Typography.Text>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => onChange?.(value.filter((x) => x.id !== f.id))}
            />
          </Flex>
        ))}
        {pending.map((name) => (
          <Flex key={name} gap={8} align="center">
            <LoadingOutlined /> <Typography.Text type="secondary">{name}</Typography.Text>
          </Flex>
        ))}
        {failures.map((f) => (
          <Typography.Text key={f.name} type="danger" data-testid="action-file-error">
            {f.name}
            {t('common.colon')}
            {f.message}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}
