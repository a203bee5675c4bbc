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

/** The status page's "Add information": text first, then the files, as one multipart request. */
export function addInformation(token: string, text: string, files: File[]): Promise<S['AddedInformationDto']> {
  const form = new FormData();
  form.append('text', text);
  for (const file of files) form.append('file', file);
  // The document types the parts as strings; openapi-fetch sends a FormData as it is, with the browser's boundary.
  const body = form as unknown as { text: string; file: string[] };
  return unwrap(api.POST('/api/v1/intake/status/{token}/messages', { params: { path: { token } }, body }));
}
