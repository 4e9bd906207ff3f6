import {
  InstructionBody,
  TASK_STEP_NEEDS,
  TASK_STEPS_WITH_EVIDENCE,
  TaskAction,
  TaskTransitionBody,
  UrgeBody,
  type TaskStepNeeds,
} from '@qinlian/contracts';

/** The actions of the one form dialog (ActionDialog): the life cycle's steps, 催办 and 批示. */
export type DialogAction = TaskAction | 'urge' | 'instruct';

export type ActionForm = { comment: 'required' | 'optional'; commentMax: number; percent: boolean; files: 'required' | 'optional' | false };

/** A step of the life cycle asks for what the contract says it needs (TASK_STEP_NEEDS); nothing is restated here. */
const stepForm = (action: TaskAction, needs: TaskStepNeeds): ActionForm => ({
  comment: needs.comment ? 'required' : 'optional',
  commentMax: TaskTransitionBody.shape.comment.unwrap().maxLength ?? 2000,
  percent: !!needs.percent,
  files: needs.evidence ? 'required' : TASK_STEPS_WITH_EVIDENCE.includes(action) ? 'optional' : false,
});

/** 催办 / 批示 carry one text, required when their body refuses an empty one. */
const noteForm = (text: typeof UrgeBody.shape.message): ActionForm => ({
  comment: (text.minLength ?? 0) > 0 ? 'required' : 'optional',
  commentMax: text.maxLength ?? 2000,
  percent: false,
  files: false,
});

/** What each dialog asks for. Presentation only: whether the step is allowed now is the server's answer. */
export const ACTION_FORM: Readonly<Record<DialogAction, ActionForm>> = {
  ...(Object.fromEntries(TaskAction.options.map((a) => [a, stepForm(a, TASK_STEP_NEEDS[a])])) as Record<TaskAction, ActionForm>),
  urge: noteForm(UrgeBody.shape.message),
  instruct: noteForm(InstructionBody.shape.text),
};

/** 分办, 延期申请, 延期审批: the department's own steps, each through its own endpoint and dialog. */
export type WorkflowAction = 'dispatch' | 'request_extension' | 'decide_extension';
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = ['dispatch', 'request_extension', 'decide_extension'];
export const isWorkflowAction = (a: string): a is WorkflowAction => (WORKFLOW_ACTIONS as readonly string[]).includes(a);

/** Every button of the task page's action bar, in the order of the life cycle; which ones show is the server's `abilities`. */
export type PageAction = DialogAction | WorkflowAction;
export const PAGE_ACTION_ORDER: readonly PageAction[] = [...TaskAction.options, ...WORKFLOW_ACTIONS, 'urge', 'instruct'];

export const isDanger = (a: PageAction) => a === 'refuse' || a === 'return' || a === 'send_back';
export const isPrimary = (a: PageAction) =>
  a === 'assign' || a === 'accept' || a === 'report' || a === 'close' || a === 'approve' || a === 'decide_extension';
