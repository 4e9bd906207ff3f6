import type { TxCtx } from '../platform/context.ts';
import { openByHand, submitRectification } from '../modules/rectification/index.ts';
import { as, type Act, type OfficeRulesEnv } from './office-rules-env.ts';

/** 整改 the office opens by hand: one still with the department, one answered and awaiting verification. */
export function officeItemActs(env: OfficeRulesEnv): Act[] {
  const office = env.members('模范机关建设领导小组办公室').find((p) => p.title === '副主任') ?? env.head('模范机关建设领导小组办公室');
  const w = env.workAt;
  const open = (tx: TxCtx, department: string, at: Date, title: string, detail: string) =>
    openByHand(as(tx, office, at), { departmentId: env.departmentId(department), personId: null, title, detail });
  let answered: { id: string; version: number } | null = null;
  const head = env.head('经济发展局');
  return [
    {
      at: w(6, '10:00'),
      run: async (tx) => {
        const item = await open(
          tx,
          '经济发展局',
          w(6, '10:00'),
          '重大项目调度台账部分项目进度数据滞后',
          '督查室抽查发现：经济发展局重大项目调度台账中 5 个项目的投资完成额仍停留在两个月前，未按月更新，影响全区红黄绿灯预警的准确性。请核实原因，更新台账，并明确按月更新的责任人和时限。',
        );
        answered = { id: item.id, version: item.version };
      },
    },
    {
      at: w(1, '16:30'),
      run: async (tx) =>
        void (await submitRectification(as(tx, head, w(1, '16:30')), answered!.id, {
          resolution: 'fixed',
          note: '已对照省市重大项目清单逐项核对，更新 12 个项目的投资完成额和形象进度；明确由统计科每月 5 日前更新台账，经局长审核后报送。',
          attachmentRef: '重大项目调度台账（更新版）；局长办公会纪要第 23 期',
          version: answered!.version,
        })),
    },
    {
      at: w(2, '15:00'),
      run: async (tx) => {
        await open(
          tx,
          '建设管理局',
          w(2, '15:00'),
          '在建工程质量安全监督检查台账未按月更新',
          '督查室台账抽查发现：建设管理局在建工程质量安全监督检查台账近两个月未更新，3 个在建项目缺少检查记录。请核实原因、补齐台账，并说明今后按月更新的措施。',
        );
      },
    },
  ];
}
