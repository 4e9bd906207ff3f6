import {
  InstructionBody,
  TASK_STEP_NEEDS,
  TASK_STEPS_WITH_EVIDENCE,
  TaskAction,
  TaskTransitionBody,
  UrgeBody,
  type TaskStepNeeds,
} from '@qinlian/contracts';

/** Every action button a task can show, in the order of the life cycle; which ones show is the server's `abilities`. */
export type DialogAction = TaskAction | 'urge' | 'instruct';
export const ACTION_ORDER: readonly DialogAction[] = [...TaskAction.options, 'urge', 'instruct'];

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

export const isDanger = (a: DialogAction) => a === 'refuse' || a === 'return';
export const isPrimary = (a: DialogAction) => a === 'assign' || a === 'accept' || a === 'report' || a === 'close';
