import { api, unwrap } from './client';
import type { components } from './schema';

export type OutboundEmail = components['schemas']['EmailDto'];
export type EmailStatus = OutboundEmail['status'];

/** The outbox (leads and admins): every key starts with 'emails', so a retry refreshes all the lists. */
export const emailsQuery = (status: EmailStatus, page: number, pageSize: number) => ({
  queryKey: ['emails', { status, page, pageSize }],
  queryFn: () => unwrap(api.GET('/api/v1/emails', { params: { query: { status, page, pageSize } } })),
});

export function retryEmail(id: string): Promise<OutboundEmail> {
  return unwrap(api.POST('/api/v1/emails/{id}/retry', { params: { path: { id } } }));
}
