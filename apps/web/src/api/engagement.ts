import type { components } from './schema';
import { api, unwrap } from './client';

type S = components['schemas'];
export type Consultation = S['ConsultationDto'];
export type CreateConsultationBody = S['CreateConsultationDto'];
export type UpdateConsultationBody = S['UpdateConsultationDto'];
export type ActionPlan = S['ActionPlanDto'];
export type Goal = S['GoalDto'];
export type ActionItem = S['ActionItemDto'];
export type CreateActionItemBody = S['CreateActionItemDto'];
export type UpdateActionItemBody = S['UpdateActionItemDto'];
export type FollowUp = S['FollowUpDto'];
export type MyFollowUp = S['MyFollowUpDto'];
export type CreateFollowUpBody = S['CreateFollowUpDto'];

export const consultationsQuery = (caseId: string) => ({
  queryKey: ['engagement', caseId, 'consultations'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/consultations', { params: { path: { id: caseId } } })),
});

export const actionPlanQuery = (caseId: string) => ({
  queryKey: ['engagement', caseId, 'plan'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/action-plan', { params: { path: { id: caseId } } })),
});

export const caseFollowUpsQuery = (caseId: string) => ({
  queryKey: ['engagement', caseId, 'follow-ups'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/follow-ups', { params: { path: { id: caseId } } })),
});

export const myFollowUpsQuery = {
  queryKey: ['follow-ups', 'mine'],
  queryFn: () => unwrap(api.GET('/api/v1/follow-ups/mine')),
};
