import type { Actor } from '../../platform/context.ts';
import { definePolicy, inDepartmentScope } from '../../platform/policy/policy.ts';

/** What the rules need to know of a department's summary or experience. */
export type DepartmentRecord = { departmentId: string; status: string };
/** What the rules need to know of a compiled document. */
export type DocumentAccess = { status: string };

/**
 * Who sees a monthly summary (月度小结): whoever's data scope covers its department — the office every
 * one, a department its own. Out of sight answers 404.
 *
 * submit (a department, its own, while asked for or returned): summaries.submit;
 * review (return or accept, while submitted): summaries.review.
 */
export const monthlySummaryPolicy = definePolicy<DepartmentRecord, 'read' | 'submit' | 'review'>(
  (a, s) => inDepartmentScope(a, s.departmentId),
  {
    read: { permission: 'summaries.read' },
    submit: { permission: 'summaries.submit', when: (_a, s) => s.status === 'requested' || s.status === 'returned' },
    review: { permission: 'summaries.review', when: (_a, s) => s.status === 'submitted' },
  },
);

/**
 * 典型经验, seen by data scope like a summary. edit: the department (summaries.submit) while the office
 * has not selected it; curate (edit, select, deselect): the office (summaries.review) until it is published.
 */
export const experiencePolicy = definePolicy<DepartmentRecord, 'read' | 'edit' | 'curate'>((a, e) => inDepartmentScope(a, e.departmentId), {
  read: { permission: 'summaries.read' },
  edit: { permission: 'summaries.submit', when: (_a, e) => e.status === 'submitted' },
  curate: { permission: 'summaries.review', when: (_a, e) => e.status !== 'published' },
});

/**
 * A compiled document (汇编) belongs to the whole area: once published every reader sees it; a draft
 * only the office that compiles it (anyone else is answered 404). edit and publish: drafts only.
 */
export const summaryDocumentPolicy = definePolicy<DocumentAccess, 'read' | 'edit'>(
  (a, d) => d.status === 'published' || a.permissions.has('summaries.review'),
  {
    read: { permission: 'summaries.read' },
    edit: { permission: 'summaries.review', when: (_a, d) => d.status === 'draft' },
  },
);

/** The buttons a summary's page enables. */
export const monthlySummaryAbilities = (actor: Actor, s: DepartmentRecord) => {
  const review = monthlySummaryPolicy.allowed(actor, 'review', s);
  return { submit: monthlySummaryPolicy.allowed(actor, 'submit', s), return: review, accept: review };
};

export const experienceAbilities = (actor: Actor, e: DepartmentRecord) => ({
  edit: experiencePolicy.allowed(actor, 'edit', e) || experiencePolicy.allowed(actor, 'curate', e),
  select: experiencePolicy.allowed(actor, 'curate', e),
});

export const documentAbilities = (actor: Actor, d: DocumentAccess) => {
  const edit = summaryDocumentPolicy.allowed(actor, 'edit', d);
  return { edit, publish: edit };
};
