import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Rate, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FiveCharGrade, Task } from '@qinlian/contracts';
import { isApiError } from '../../../api/client.ts';
import { toastSuccess } from '../../../app/feedback.ts';
import { taskKeys, useGrade } from '../hooks.ts';

const KEYS: (keyof FiveCharGrade)[] = ['zhun', 'kuai', 'shi', 'nong', 'xian'];

/** 五字要求: 准 快 实 浓 显, 1–5 each; the office grades when `abilities.grade`. */
export function TaskGradeCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const grade = useGrade();
  const [draft, setDraft] = useState<FiveCharGrade>(task.grade);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(task.grade), [task.grade]);
  const editable = task.abilities.grade;
  const dirty = KEYS.some((k) => draft[k] !== task.grade[k]);

  const save = () => {
    setProblem(null);
    grade.mutate(
      { id: task.id, ...draft, version: task.version },
      {
        onSuccess: () => toastSuccess(t('task.grade.saved')),
        onError: (err) => {
          setProblem(err.message);
          if (isApiError(err, 'version_conflict')) void qc.invalidateQueries({ queryKey: taskKeys.one(task.id) });
        },
      },
    );
  };

  return (
    <Card
      title={t('task.grade.title')}
      extra={
        editable &&
        dirty && (
          <Button type="primary" size="small" onClick={save} loading={grade.isPending} data-testid="task-grade-save">
            {t('common.save')}
          </Button>
        )
      }
      data-testid="task-grade"
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Flex vertical gap={6}>
        {KEYS.map((k) => (
          <Flex key={k} align="center" gap={12}>
            <span className="grade-char">{t(`task.grade.chars.${k}`)}</span>
            <Typography.Text type="secondary" style={{ width: 110, fontSize: 12 }}>
              {t(`task.grade.meanings.${k}`)}
            </Typography.Text>
            <Rate
              value={draft[k] ?? 0}
              disabled={!editable}
              allowClear
              onChange={(v) => setDraft((d) => ({ ...d, [k]: v || null }))}
              style={{ fontSize: 16 }}
              data-testid={`task-grade-${k}`}
            />
          </Flex>
        ))}
      </Flex>
      {!editable && KEYS.every((k) => task.grade[k] === null) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('task.grade.none')}
        </Typography.Text>
      )}
    </Card>
  );
}
