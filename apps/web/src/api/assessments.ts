import { api, unwrap } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type PublicAssessment = S['PublicAssessmentDto'];
export type AnswerInput = S['AnswerInputDto'];

/** A respondent's own assessment through their link: no session (the API marks these routes public). */
export const publicAssessmentQuery = (token: string) => ({
  queryKey: ['public-assessment', token],
  queryFn: () => unwrap(api.GET('/api/v1/public/assessments/{token}', { params: { path: { token } } })),
});

export const saveAssessmentDraft = (token: string, answers: AnswerInput[]) =>
  unwrap(api.PUT('/api/v1/public/assessments/{token}', { params: { path: { token } }, body: { answers } }));

export const submitAssessment = (token: string, answers: AnswerInput[]) =>
  unwrap(api.POST('/api/v1/public/assessments/{token}/submit', { params: { path: { token } }, body: { answers } }));

// ---- staff ----

export type Assessment = S['AssessmentDto'];
export type AssessmentSummary = S['AssessmentSummaryDto'];
export type OrganizationAssessments = S['OrganizationAssessmentsDto'];
export type SectionScore = S['SectionScoreDto'];
export type Change = S['ChangeDto'];
export type CreateAssessmentBody = S['CreateAssessmentDto'];

export const PURPOSE_LABELS: Record<AssessmentSummary['purpose'], string> = { baseline: 'Baseline', follow_up: 'Follow-up' };
export const ROUND_STATUS_LABELS: Record<AssessmentSummary['status'], string> = { open: 'Open', closed: 'Closed' };
export const RESPONDENT_STATUS_LABELS: Record<S['RespondentDto']['status'], string> = {
  invited: 'Invited',
  draft: 'Answering',
  submitted: 'Submitted',
};

export const instrumentsQuery = {
  queryKey: ['instruments'],
  queryFn: () => unwrap(api.GET('/api/v1/instruments')),
};

export const instrumentQuery = (id: string) => ({
  queryKey: ['instruments', id],
  queryFn: () => unwrap(api.GET('/api/v1/instruments/{id}', { params: { path: { id } } })),
});

export const organizationAssessmentsQuery = (organizationId: string) => ({
  queryKey: ['assessments', 'organization', organizationId],
  queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/assessments', { params: { path: { id: organizationId } } })),
});

export const assessmentQuery = (id: string) => ({
  queryKey: ['assessments', 'one', id],
  queryFn: () => unwrap(api.GET('/api/v1/assessments/{id}', { params: { path: { id } } })),
});

export const startAssessment = (organizationId: string, body: CreateAssessmentBody) =>
  unwrap(api.POST('/api/v1/organizations/{id}/assessments', { params: { path: { id: organizationId } }, body }));

export const inviteToAssessment = (id: string, contactIds: string[]) =>
  unwrap(api.POST('/api/v1/assessments/{id}/invitations', { params: { path: { id } }, body: { contactIds } }));

export const closeAssessment = (id: string) => unwrap(api.POST('/api/v1/assessments/{id}/close', { params: { path: { id } } }));

export const goalsFromAssessment = (caseId: string, assessmentId: string, sectionCodes: string[]) =>
  unwrap(
    api.POST('/api/v1/cases/{id}/action-plan/goals/from-assessment', {
      params: { path: { id: caseId } },
      body: { assessmentId, sectionCodes },
    }),
  );

export type ReadinessReport = S['ReadinessReportDto'];

export const readinessReportQuery = (query: { instrument: string; from: string; to: string }) => ({
  queryKey: ['reports', 'readiness', query],
  queryFn: () => unwrap(api.GET('/api/v1/reports/readiness', { params: { query } })),
});

export type InstrumentSummary = S['InstrumentSummaryDto'];
export type LoadInstrumentResult = S['LoadInstrumentResultDto'];

/** An instrument file's parsed content, as the admin picked it: the API validates it (errors name the JSON path). */
export const loadInstrument = (file: unknown) => unwrap(api.POST('/api/v1/instruments', { body: file as S['InstrumentFileDto'] }));

export const enterResponses = (id: string, body: S['ResponsesDto']) =>
  unwrap(api.POST('/api/v1/assessments/{id}/responses', { params: { path: { id } }, body }));
