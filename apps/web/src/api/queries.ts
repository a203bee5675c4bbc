import { api, unwrap } from './client';

/** Query keys and fetchers in one place, so pages and mutations invalidate the same keys. */
export const meQuery = {
  queryKey: ['me'],
  queryFn: () => unwrap(api.GET('/api/v1/auth/me')),
};

export const usersQuery = (page: number, pageSize: number, q: string) => ({
  queryKey: ['users', { page, pageSize, q }],
  queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { page, pageSize, ...(q ? { q } : {}) } } })),
});
