import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Instruction, InstructionCreateBody, InstructionFeedbackBody, InstructionPage, InstructionQuery } from '@qinlian/contracts';
import { api } from '../../api/client.ts';

export type InstructionFilter = Omit<InstructionQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type InstructionPageData = z.infer<typeof InstructionPage>;

export const instructionKeys = {
  all: ['instructions'] as const,
  list: (f: InstructionFilter) => ['instructions', 'list', f] as const,
};

/** 领导批示: a page of those the server lets me see, by whom they are to, state and task. */
export function useInstructions(filter: InstructionFilter, enabled = true) {
  return useQuery({
    queryKey: instructionKeys.list(filter),
    queryFn: ({ signal }) =>
      api.get<InstructionPageData>(
        '/api/instructions',
        {
          page: filter.page,
          pageSize: filter.pageSize,
          to: filter.to,
          state: filter.state,
          taskId: filter.taskId,
          departmentId: filter.departmentId,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An instruction or its answer changes the lists, the desk, and the task it is on (its history, its notices). */
function useInstructionChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: instructionKeys.all });
    void qc.invalidateQueries({ queryKey: ['desk'] });
    void qc.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useGiveInstruction() {
  const changed = useInstructionChanged();
  return useMutation({
    mutationFn: (body: InstructionCreateBody) => api.post<Instruction>('/api/instructions', body),
    meta: { silent: true },
    onSuccess: changed,
  });
}

export function useGiveFeedback() {
  const changed = useInstructionChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: InstructionFeedbackBody & { id: string }) =>
      api.post<Instruction>(`/api/instructions/${id}/feedback`, body),
    meta: { silent: true },
    onSuccess: changed,
  });
}
