import { api, unwrap } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type IntakeBody = S['IntakeDto'];
export type IntakeResult = S['IntakeResultDto'];
export type IntakeTopic = S['IntakeTopicDto'];
export type RequestStatus = S['RequestStatusDto'];

/** The public request form and the requester's status page: no session needed (the API marks them public). */
export const intakeTopicsQuery = {
  queryKey: ['intake', 'topics'],
  queryFn: () => unwrap(api.GET('/api/v1/intake/topics')),
  staleTime: 60 * 60 * 1000,
};

export const requestStatusQuery = (token: string) => ({
  queryKey: ['intake', 'status', token],
  queryFn: () => unwrap(api.GET('/api/v1/intake/status/{token}', { params: { path: { token } } })),
});

export function submitIntake(body: IntakeBody): Promise<IntakeResult> {
  return unwrap(api.POST('/api/v1/intake', { body }));
}
