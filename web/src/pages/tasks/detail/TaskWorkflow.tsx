import type { Task } from '@qinlian/contracts';
import type { WorkflowAction } from '../actions.ts';
import { AssignmentsCard } from './AssignmentsCard.tsx';
import { CooperationCard } from './CooperationCard.tsx';
import { DispatchDialog } from './DispatchDialog.tsx';
import { ExtensionDecisionDialog } from './ExtensionDecisionDialog.tsx';
import { ExtensionRequestDialog } from './ExtensionRequestDialog.tsx';
import { ExtensionsCard } from './ExtensionsCard.tsx';

/** The dialogs of the department's own steps (分办, 延期申请, 延期审批), one open at a time. */
export function WorkflowDialogs({ task, action, onClose }: { task: Task; action: WorkflowAction | null; onClose: () => void }) {
  return (
    <>
      <DispatchDialog task={task} open={action === 'dispatch'} onClose={onClose} />
      <ExtensionRequestDialog task={task} open={action === 'request_extension'} onClose={onClose} />
      <ExtensionDecisionDialog task={task} open={action === 'decide_extension'} onClose={onClose} />
    </>
  );
}

/** The department's own records on the task: cooperating sub-items (协办), extension requests, dispatch history. */
export function WorkflowCards({ task }: { task: Task }) {
  return (
    <>
      <CooperationCard task={task} />
      <ExtensionsCard task={task} />
      <AssignmentsCard task={task} />
    </>
  );
}
