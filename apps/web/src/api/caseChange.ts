import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateCase } from './cases';
import { ApiError } from './client';
import { notifySaved } from '../notify';

/**
 * A change to one case (or something on it) that refreshes everything the case page shows once saved, with a toast.
 * A 409 means the case moved on under us (stale version, or a move no longer allowed): the page reloads the case.
 */
export function useCaseChange<Vars, Result>(caseId: string, mutationFn: (vars: Vars) => Promise<Result>, saved: (vars: Vars) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_result, vars) => {
      notifySaved(saved(vars));
      await invalidateCase(queryClient, caseId);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) await invalidateCase(queryClient, caseId);
    },
  });
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
