// 一月一小结、半年一总结 — the summaries module's front door: the monthly summaries (the department's
// template and submission, the office's review), the typical experiences, the compiled documents
// (汇编: draft, preview, DOCX/XLSX, publish with a number), and the month-end request job.
export { monthlySummaryRoutes } from './monthly-summaries.routes.ts';
export { experienceRoutes } from './experiences.routes.ts';
export { summaryDocumentRoutes } from './summary-documents.routes.ts';
export { monthlySummaryRequestJob } from './summaries.job.ts';
