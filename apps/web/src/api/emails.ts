import { api, unwrap } from './client';
import type { components, operations } from './schema';

export type OutboundEmail = components['schemas']['EmailDto'];
export type EmailStatus = OutboundEmail['status'];

export type EmailListQuery = NonNullable<operations['EmailsController_list']['parameters']['query']>;

/** The outbox (leads and admins): every key starts with 'emails', so a retry refreshes all the lists. */
export const emailsQuery = (query: EmailListQuery) => ({
  queryKey: ['emails', query],
  queryFn: () => unwrap(api.GET('/api/v1/emails', { params: { query } })),
});

export function retryEmail(id: string): Promise<OutboundEmail> {
  return unwrap(api.POST('/api/v1/emails/{id}/retry', { params: { path: { id } } }));
}
