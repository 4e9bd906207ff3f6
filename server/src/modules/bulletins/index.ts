// 一季一通报 — the bulletins module's front door: the console routes (the list, drafting a quarter, the
// editor, recompute, review and leaders' comments, publishing with a number and the signed audit head,
// the plan's indicator settings) and the documents (HTML preview, DOCX, XLSX).
export { bulletinRoutes } from './bulletins.routes.ts';
export { bulletinDocumentRoutes } from './bulletin-documents.routes.ts';
