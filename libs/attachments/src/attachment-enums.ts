/** How a file reached the case: a staff upload, the requester's status page, or an email from the clinic. */
export const ATTACHMENT_ORIGINS = ['staff_upload', 'clinic_status_page', 'inbound_email'] as const;
export type AttachmentOrigin = (typeof ATTACHMENT_ORIGINS)[number];
export const ATTACHMENT_ORIGIN_LABELS: Record<AttachmentOrigin, string> = {
  staff_upload: 'Uploaded by staff',
  clinic_status_page: 'Sent from the status page',
  inbound_email: 'Emailed by the clinic',
};

/** What a file hangs on, most specific first: a message, a session, else the case itself. */
export const ATTACHED_TO = ['case', 'session', 'message'] as const;
export type AttachedTo = (typeof ATTACHED_TO)[number];
