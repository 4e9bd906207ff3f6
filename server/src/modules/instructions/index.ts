// 领导批示 — the instructions module's front door: instructions on a task or to a unit, their
// 落实反馈, and the desk's sections about them.
export { instructionRoutes } from './instructions.routes.ts';
export { INSTRUCTION_DESK_SECTIONS } from './instructions-desk.ts';
export {
  awaitingInstructions,
  giveFeedback,
  giveInstruction,
  recordPastInstruction,
  type PastInstruction,
} from './instructions.service.ts';
export type { InstructionRow } from './instructions.repo.ts';
