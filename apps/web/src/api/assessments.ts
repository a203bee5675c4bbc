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
