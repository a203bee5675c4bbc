import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** One retry policy for the staff app and the public pages. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; a network blip or a 5xx might.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
