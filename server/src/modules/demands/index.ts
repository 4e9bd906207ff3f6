// 群众诉求与民生实事建议 — the demands module's front door: the public's demands and suggestions from
// every channel (web form, e-mail, phone, letter, Open311), solicitation campaigns, routing, merging,
// the closed loop (accept → dispatch → handle → reply → close → revisit → rating) and its pages.
export { receiveDemand, type DemandSubmission, type DemandUpload, type IntakeKeys } from './demand-intake.service.ts';
