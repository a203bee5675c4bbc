import { api, unwrap } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type PublicSurvey = S['PublicSurveyDto'];
export type SurveyQuestion = S['SurveyQuestionDto'];
export type SurveyAnswerInput = S['SurveyAnswerInputDto'];
export type CaseSurveys = S['CaseSurveysDto'];
export type CaseSurvey = S['CaseSurveyDto'];

/** A clinic's survey through its link: no session (the API marks these routes public). */
export const publicSurveyQuery = (token: string) => ({
  queryKey: ['public-survey', token],
  queryFn: () => unwrap(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
});

export const answerSurvey = (token: string, answers: SurveyAnswerInput[]) =>
  unwrap(api.POST('/api/v1/public/surveys/{token}', { params: { path: { token } }, body: { answers } }));

export const optOutQuery = (token: string) => ({
  queryKey: ['public-survey', token, 'opt-out'],
  queryFn: () => unwrap(api.GET('/api/v1/public/surveys/{token}/opt-out', { params: { path: { token } } })),
});

export const optOut = (token: string) => unwrap(api.POST('/api/v1/public/surveys/{token}/opt-out', { params: { path: { token } } }));

// ---- staff ----

export const caseSurveysQuery = (caseId: string) => ({
  queryKey: ['cases', caseId, 'surveys'],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/surveys', { params: { path: { id: caseId } } })),
});

export type OutcomeReport = S['OutcomeReportDto'];

export const outcomeReportQuery = (period: { from: string; to: string }) => ({
  queryKey: ['reports', 'outcomes', period],
  queryFn: () =>
    unwrap(api.GET('/api/v1/reports/outcomes', { params: { query: { ...period, format: 'json' } } })) as Promise<OutcomeReport>,
});
