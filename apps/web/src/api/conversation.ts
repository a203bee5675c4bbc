import type { components } from './schema';
import { api, unwrap } from './client';

type S = components['schemas'];
export type Message = S['MessageDto'];
export type Thread = S['ThreadDto'];
export type SendMessageBody = S['SendMessageDto'];

export const threadQuery = (caseId: string) => ({
  queryKey: ['conversation', caseId],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/messages', { params: { path: { id: caseId } } })),
});

export const unmatchedQuery = (page: number) => ({
  queryKey: ['conversation', 'unmatched', page],
  queryFn: () => unwrap(api.GET('/api/v1/messages/unmatched', { params: { query: { page, pageSize: 25 } } })),
});

export const sendMessage = (caseId: string, body: SendMessageBody) =>
  unwrap(api.POST('/api/v1/cases/{id}/messages', { params: { path: { id: caseId } }, body }));

export const markThreadRead = (caseId: string) =>
  unwrap(api.POST('/api/v1/cases/{id}/messages/read', { params: { path: { id: caseId } } }));

export const assignMessage = (id: string, caseId: string) =>
  unwrap(api.POST('/api/v1/messages/{id}/assign', { params: { path: { id } }, body: { caseId } }));

export const openCaseFromMessage = (id: string, organizationId: string, title?: string) =>
  unwrap(api.POST('/api/v1/messages/{id}/case', { params: { path: { id } }, body: { organizationId, ...(title ? { title } : {}) } }));

/** Where a staff member downloads the email as it arrived. */
export const rawMessageUrl = (id: string) => `/api/v1/messages/${id}/raw`;
