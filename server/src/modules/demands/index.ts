// 群众诉求与民生实事建议 — the demands module's front door: the public's demands and suggestions from
// every channel (web form, e-mail, phone, letter, Open311), solicitation campaigns, routing, merging,
// the closed loop (accept → dispatch → handle → reply → close → revisit → rating) and its pages.
export { receiveDemand, type DemandSubmission, type DemandUpload, type IntakeKeys } from './demand-intake.service.ts';
// the console's lists, intake of calls and letters, detail and the loop's steps; the public form, tracking page, rating and reopening
export { demandRoutes } from './demands.routes.ts';
export { publicDemandRoutes } from './demands.public.routes.ts';
export { acceptDemand, closeDemand, dispatchDemand, replyDemand, takeDemand } from './demand-loop.service.ts';
// 督办: items near or past their time limit, urged daily (the job) or by the office (POST /api/demands/:id/urge)
export { demandUrgingJob } from './demand-urging.job.ts';
export { urgeDemand, urgeDueDemands } from './demand-urging.service.ts';
// 征集活动 (campaigns, their public page and QR poster) and Open311 GeoReport v2 (/open311/v2, a public page plugin)
export { solicitationRoutes } from './solicitations.routes.ts';
export { publicSolicitationRoutes } from './solicitations.public.routes.ts';
export { createSolicitation, openSolicitationByCode } from './solicitations.service.ts';
export { open311Routes } from './open311.routes.ts';
export { DEMAND_CATEGORIES, type DemandCategory } from './demand-categories.ts';
// 邮件渠道: the SMTP listener `serve` starts, .eml import, and replies by e-mail (the reply service calls mailDemandReply)
export { listenForDemandMail, mailDemandReply, demandReplyMailJob } from './demand-mail.ts';
export { demandMailRoutes } from './demand-mail.routes.ts';
// 分类规则 and 并单: the office's keyword rules, the similar-item lookup, merge and its undo; the demo's routing samples
export { demandRoutingRuleRoutes } from './demand-routing-rules.routes.ts';
export { demandMergeRoutes } from './demand-merge.routes.ts';
export { similarDemands, type SimilarDemand } from './demand-similarity.ts';
export { suggestRouting, type RoutingSuggestion } from './demand-routing.ts';
export { createRoutingRule } from './demand-routing-rules.service.ts';
export { mergeDemand, unmergeDemand } from './demand-merge.service.ts';
// 汇总、分析、论证: clusters and charts of a campaign, the leadership group's evaluation, the year's
// livelihood projects (supervised tasks) and their public progress page; the steps for the demo seed
export { demandAnalysisRoutes } from './demand-analysis.routes.ts';
export { publicLivelihoodProjectRoutes } from './livelihood-projects.public.routes.ts';
export { getDemandAnalysis, recomputeDemandAnalysis } from './demand-analysis.service.ts';
export { evaluateCluster, markCluster, selectCluster, withdrawCluster } from './demand-evaluation.service.ts';
export {
  DEFAULT_ROUTING_RULES,
  ROUTING_SAMPLES,
  routingAccuracy,
  type DefaultRoutingRule,
  type RoutingSample,
} from './routing-accuracy.ts';
