// 一周一调度 — the dispatch module's front door: the console routes (sheets by week, the editor, the
// meeting and its decisions, closing; the sheet as DOCX and XLSX), the weekly drafting job, and the
// extension point through which the projects module, once it exists, hands in its stalled major-project problems.
export { dispatchRoutes } from './dispatch.routes.ts';
export { dispatchDocumentRoutes } from './dispatch-document.routes.ts';
export { dispatchDraftJob } from './dispatch.job.ts';
export { draftWeeklySheets } from './dispatch-drafting.service.ts'; // the weekly draft, for the demo seed (seed/cadence-demo.ts)
export { provideStalledProjectSources, type DraftItem, type DraftScope, type DraftSource } from './dispatch-sources.ts';
