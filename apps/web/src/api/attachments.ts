import type { components } from './schema';
import { api, unwrap } from './client';

export type Attachment = components['schemas']['AttachmentDto'];

/** Under ['cases'], so every change to the case (invalidateCase) refreshes its files too. */
export const attachmentsQuery = (caseId: string) => ({
  queryKey: ['cases', 'attachments', caseId],
  queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/attachments', { params: { path: { id: caseId } } })),
});

/** One request with every file (all kept, or none when one is refused); on a session when `consultationId` is given. */
export function uploadAttachments(caseId: string, files: File[], consultationId?: string): Promise<Attachment[]> {
  const form = new FormData();
  if (consultationId) form.append('consultationId', consultationId);
  for (const file of files) form.append('file', file);
  // The document types the parts as strings; openapi-fetch sends a FormData as it is, with the browser's boundary.
  const body = form as unknown as { file: string[] };
  return unwrap(api.POST('/api/v1/cases/{id}/attachments', { params: { path: { id: caseId } }, body }));
}

export function deleteAttachment(id: string): Promise<unknown> {
  return unwrap(api.DELETE('/api/v1/attachments/{id}', { params: { path: { id } } }));
}

/** The download: always saved, never opened in the page (the API answers `Content-Disposition: attachment`). */
export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}`;
