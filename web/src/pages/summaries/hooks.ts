import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Experience,
  ExperienceEditBody,
  ExperiencePage,
  ExperienceQuery,
  ExperienceSelectBody,
  ExperienceSubmitBody,
  MonthlySummary,
  MonthlySummaryAcceptBody,
  MonthlySummaryForm,
  MonthlySummaryFormQuery,
  MonthlySummaryPage,
  MonthlySummaryQuery,
  MonthlySummaryReturnBody,
  MonthlySummarySubmitBody,
  SummaryDocument,
  SummaryDocumentDraftBody,
  SummaryDocumentEditBody,
  SummaryDocumentPage,
  SummaryDocumentPreview,
  SummaryDocumentPublishBody,
  SummaryDocumentQuery,
} from '@qinlian/contracts';
import { api, download } from '../../api/client.ts';

type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type MonthlyFilter = Paged<MonthlySummaryQuery>;
export type ExperienceFilter = Paged<ExperienceQuery>;
export type DocumentFilter = Paged<SummaryDocumentQuery>;

export const summaryKeys = {
  all: ['summaries'] as const,
  monthly: (f: MonthlyFilter) => ['summaries', 'monthly', f] as const,
  form: (q: MonthlySummaryFormQuery) => ['summaries', 'form', q] as const,
  experiences: (f: ExperienceFilter) => ['summaries', 'experiences', f] as const,
  documents: (f: DocumentFilter) => ['summaries', 'documents', f] as const,
  document: (id: string) => ['summaries', 'document', id] as const,
  preview: (id: string, version: number) => ['summaries', 'preview', id, version] as const,
};

/** 月度小结 the user may see, newest month first, those waiting for review first. */
export function useMonthlySummaries(filter: MonthlyFilter) {
  return useQuery({
    queryKey: summaryKeys.monthly(filter),
    queryFn: ({ signal }) => api.get<MonthlySummaryPage>('/api/summaries/monthly', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A department's template of a month: live figures, the tasks it closed, what it wrote so far. */
export function useMonthlyForm(query: MonthlySummaryFormQuery) {
  return useQuery({
    queryKey: summaryKeys.form(query),
    queryFn: ({ signal }) => api.get<MonthlySummaryForm>('/api/summaries/monthly/form', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Any change to summaries or experiences: every list and form on the page refetches. */
function useSummaryChange<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: summaryKeys.all }),
  });
}

type On<B> = B & { id: string };
export const useSubmitMonthly = () =>
  useSummaryChange((body: MonthlySummarySubmitBody) => api.post<MonthlySummary>('/api/summaries/monthly', body));
export const useReturnMonthly = () =>
  useSummaryChange(({ id, ...body }: On<MonthlySummaryReturnBody>) =>
    api.post<MonthlySummary>(`/api/summaries/monthly/${id}/return`, body),
  );
export const useAcceptMonthly = () =>
  useSummaryChange(({ id, ...body }: On<MonthlySummaryAcceptBody>) =>
    api.post<MonthlySummary>(`/api/summaries/monthly/${id}/accept`, body),
  );

/** 典型经验, newest half year first. */
export function useExperiences(filter: ExperienceFilter) {
  return useQuery({
    queryKey: summaryKeys.experiences(filter),
    queryFn: ({ signal }) => api.get<ExperiencePage>('/api/summaries/experiences', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useSubmitExperience = () =>
  useSummaryChange((body: ExperienceSubmitBody) => api.post<Experience>('/api/summaries/experiences', body));
export const useEditExperience = () =>
  useSummaryChange(({ id, ...body }: On<ExperienceEditBody>) => api.put<Experience>(`/api/summaries/experiences/${id}`, body));
export const useSelectExperience = () =>
  useSummaryChange(({ id, ...body }: On<ExperienceSelectBody>) => api.post<Experience>(`/api/summaries/experiences/${id}/select`, body));

/** 汇编: the office sees drafts too, everyone else the published ones. */
export function useSummaryDocuments(filter: DocumentFilter) {
  return useQuery({
    queryKey: summaryKeys.documents(filter),
    queryFn: ({ signal }) => api.get<SummaryDocumentPage>('/api/summaries/documents', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSummaryDocument(id: string) {
  return useQuery({
    queryKey: summaryKeys.document(id),
    queryFn: ({ signal }) => api.get<SummaryDocument>(`/api/summaries/documents/${id}`, undefined, signal),
  });
}

/** The HTML preview of this version of the document (escaped by the server). */
export function useDocumentPreview(id: string, version: number) {
  return useQuery({
    queryKey: summaryKeys.preview(id, version),
    queryFn: ({ signal }) => api.get<SummaryDocumentPreview>(`/api/summaries/documents/${id}/preview`, undefined, signal),
  });
}

/** Every change answers the document as it now is: the page shows it at once, the lists refetch. */
function useDocumentChange<B>(send: (body: B) => Promise<SummaryDocument>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onSuccess: (d) => {
      qc.setQueryData(summaryKeys.document(d.id), d);
      void qc.invalidateQueries({ queryKey: summaryKeys.all });
    },
  });
}
export const useDraftDocument = () =>
  useDocumentChange((body: SummaryDocumentDraftBody) => api.post<SummaryDocument>('/api/summaries/documents', body));
export const useEditDocument = () =>
  useDocumentChange(({ id, ...body }: On<SummaryDocumentEditBody>) => api.put<SummaryDocument>(`/api/summaries/documents/${id}`, body));
export const usePublishDocument = () =>
  useDocumentChange(({ id, ...body }: On<SummaryDocumentPublishBody>) =>
    api.post<SummaryDocument>(`/api/summaries/documents/${id}/publish`, body),
  );

export const downloadDocument = (d: SummaryDocument, format: 'docx' | 'xlsx') =>
  download(`/api/summaries/documents/${d.id}/document.${format}`, undefined, `${d.title}.${format}`);
