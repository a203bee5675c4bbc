import { api, unwrap } from './client';
import type { components } from './schema';

export type Escalation = components['schemas']['EscalationDto'];

/** Escalated and at-risk cases (leads and admins), escalated first; the sweep changes them, so the page polls. */
export const escalationsQuery = {
  queryKey: ['escalations'],
  queryFn: () => unwrap(api.GET('/api/v1/escalations')),
};

/** A lead has seen the escalation and taken it on: a timeline event (only real activity clears the level). */
export function acknowledgeEscalation(caseId: string, note?: string): Promise<void> {
  return unwrap(api.POST('/api/v1/cases/{id}/acknowledge', { params: { path: { id: caseId } }, body: note ? { note } : {} }));
}

/** `moveOpenWork`: the current assignee's open follow-ups and action items go to the new one. */
export function assignCase(caseId: string, consultantId: string, moveOpenWork: boolean): Promise<unknown> {
  return unwrap(api.POST('/api/v1/cases/{id}/assign', { params: { path: { id: caseId } }, body: { consultantId, moveOpenWork } }));
}
