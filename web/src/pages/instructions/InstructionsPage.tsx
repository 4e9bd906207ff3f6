import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Select, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InstructionQuery, type Instruction } from '@qinlian/contracts';
import { useCan } from '../../auth/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { FeedbackDialog } from '../../domain/instructions/FeedbackDialog.tsx';
import { InstructionDialog } from '../../domain/instructions/InstructionDialog.tsx';
import { useInstructions } from '../../domain/instructions/useInstructions.ts';
import { instructionColumns } from './instructionColumns.tsx';

type To = NonNullable<InstructionQuery['to']>;
type State = NonNullable<InstructionQuery['state']>;
const TOS = InstructionQuery.shape.to.removeDefault().options as To[];
const STATES = InstructionQuery.shape.state.unwrap().options as State[];

/** 领导批示: those to my unit (to answer), those I gave (to follow up), all I may see — by feedback state; the view lives in the URL. */
export function InstructionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const fallback: To = can('tasks.handle') ? 'mine' : can('tasks.instruct') ? 'given' : 'all';
  const to = (TOS.includes(params.get('to') as To) ? params.get('to') : fallback) as To;
  const state = STATES.includes(params.get('state') as State) ? (params.get('state') as State) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useInstructions({ to, state, page, pageSize });
  const [giving, setGiving] = useState(false);
  const [answering, setAnswering] = useState<Instruction | null>(null);
  const columns = useMemo(() => instructionColumns(t, setAnswering), [t]);

  const patch = (next: Record<string, string | number | undefined>) =>
    setParams(
      () => {
        const p = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        if (!('page' in next)) p.delete('page');
        return p;
      },
      { replace: true },
    );

  return (
    <PageContainer
      title={t('instruction.title')}
      subtitle={t('instruction.subtitle')}
      extra={
        can('tasks.instruct') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGiving(true)} data-testid="instruction-give">
            {t('instruction.give')}
          </Button>
        )
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented<To>
            value={to}
            onChange={(v) => patch({ to: v })}
            options={TOS.map((v) => ({ value: v, label: t(`instruction.to.${v}`) }))}
            data-testid="instruction-to"
          />
          <Select<State>
            allowClear
            placeholder={t('instruction.stateFilter')}
            value={state}
            onChange={(v) => patch({ state: v })}
            options={STATES.map((s) => ({ value: s, label: t(`instruction.states.${s}`) }))}
            style={{ width: 160 }}
            data-testid="instruction-state-filter"
          />
        </Flex>
        <Table<Instruction>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('instruction.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, s) => patch({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          data-testid="instruction-table"
        />
      </Card>
      <InstructionDialog open={giving} target={{ unit: true }} onClose={() => setGiving(false)} />
      <FeedbackDialog instruction={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
