import type { components } from './schema';

type S = components['schemas'];
export type CaseStatus = S['CaseDto']['status'];
export type CasePriority = S['CaseDto']['priority'];
export type CaseSource = S['CaseDto']['source'];
export type StallLevel = S['CaseDto']['stallLevel'];
export type Intensity = NonNullable<S['CaseDto']['intensity']>;
export type ServiceLine = S['CaseDto']['serviceLines'][number];
export type GoalArea = S['TopicDto']['goalArea'];
export type ReasonCode = NonNullable<S['TransitionDto']['reason']>;
export type Modality = S['ConsultationDto']['modality'];
export type FollowUpKind = S['FollowUpDto']['kind'];
export type FollowUpStatus = S['FollowUpDto']['status'];
export type ActionItemStatus = S['ActionItemDto']['status'];
export type OrganizationKind = S['OrganizationDto']['kind'];
export type Region = S['OrganizationDto']['region'];
export type Population = S['OrganizationDto']['populations'][number];
export type PeerRole = S['OrganizationDto']['peerRoles'][number];
export type Stage = S['OrganizationDto']['stage'];
export type ContactRole = S['ContactDto']['role'];
export type AttachmentOrigin = S['AttachmentDto']['origin'];

/** An enum's values with the words staff read, in the order forms and filters list them. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

function options<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  active: 'Active',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const PRIORITY_LABELS: Record<CasePriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const SOURCE_LABELS: Record<CaseSource, string> = {
  web_form: 'Web form',
  email: 'Email',
  phone: 'Phone',
  event: 'Event',
  outreach: 'Outreach',
};
export const STALL_LABELS: Record<StallLevel, string> = { none: 'On track', at_risk: 'At risk', escalated: 'Escalated' };
export const INTENSITY_LABELS: Record<Intensity, string> = { universal: 'Universal', targeted: 'Targeted', intensive: 'Intensive' };
export const SERVICE_LINE_LABELS: Record<ServiceLine, string> = { nycps: 'NYCPS (peer)', ypa: 'YPA-C (youth)', fpa: 'FPA-C (family)' };
export const GOAL_AREA_LABELS: Record<GoalArea, string> = {
  readiness: 'Readiness',
  capacity: 'Capacity',
  fidelity: 'Fidelity',
  retention: 'Retention',
};
export const REASON_LABELS: Record<ReasonCode, string> = {
  goals_met: 'Goals met',
  clinic_withdrew: 'Clinic withdrew',
  no_response: 'No response',
  duplicate: 'Duplicate',
  referred_elsewhere: 'Referred elsewhere',
  out_of_scope: 'Out of scope',
  other: 'Other',
};
export const MODALITY_LABELS: Record<Modality, string> = {
  video: 'Video',
  phone: 'Phone',
  onsite: 'On site',
  email: 'Email',
  webinar: 'Webinar',
  training: 'Training',
};
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  check_in: 'Check-in',
  send_resource: 'Send resource',
  review_plan: 'Review plan',
  other: 'Other',
};
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  scheduled: 'Scheduled',
  done: 'Done',
  cancelled: 'Cancelled',
  missed: 'Missed',
};
export const ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};
export const ATTACHMENT_ORIGIN_LABELS: Record<AttachmentOrigin, string> = {
  staff_upload: 'Uploaded by staff',
  clinic_status_page: 'Sent from the status page',
  inbound_email: 'Emailed by the clinic',
};
/** The allow-list's types (libs/attachments file-kinds.ts) in words. */
export const FILE_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.ms-excel': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint presentation',
  'application/vnd.ms-powerpoint': 'PowerPoint presentation',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
  'text/csv': 'CSV',
};
export const KIND_LABELS: Record<OrganizationKind, string> = { mhotrs_clinic: 'MHOTRS clinic', agency: 'Agency', other: 'Other' };
export const REGION_LABELS: Record<Region, string> = {
  western: 'Western',
  central: 'Central',
  hudson_river: 'Hudson River',
  nyc: 'New York City',
  long_island: 'Long Island',
};
export const POPULATION_LABELS: Record<Population, string> = {
  children_youth: 'Children & youth',
  families: 'Families',
  adults: 'Adults',
  older_adults: 'Older adults',
};
export const PEER_ROLE_LABELS: Record<PeerRole, string> = { nycps: 'NYCPS', ypa: 'YPA-C', fpa: 'FPA-C' };
export const STAGE_LABELS: Record<Stage, string> = {
  exploring: 'Exploring',
  starting: 'Starting',
  expanding: 'Expanding',
  improving: 'Improving',
};
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  executive: 'Executive',
  clinical_director: 'Clinical director',
  supervisor: 'Supervisor',
  peer_specialist: 'Peer specialist',
  family_peer_advocate: 'Family peer advocate',
  youth_peer_advocate: 'Youth peer advocate',
  other: 'Other',
};

export const STATUS_OPTIONS = options(STATUS_LABELS);
export const PRIORITY_OPTIONS = options(PRIORITY_LABELS);
export const SOURCE_OPTIONS = options(SOURCE_LABELS);
export const STALL_OPTIONS = options(STALL_LABELS);
export const INTENSITY_OPTIONS = options(INTENSITY_LABELS);
export const SERVICE_LINE_OPTIONS = options(SERVICE_LINE_LABELS);
export const GOAL_AREA_OPTIONS = options(GOAL_AREA_LABELS);
export const REASON_OPTIONS = options(REASON_LABELS);
export const MODALITY_OPTIONS = options(MODALITY_LABELS);
export const FOLLOW_UP_KIND_OPTIONS = options(FOLLOW_UP_KIND_LABELS);
export const ITEM_STATUS_OPTIONS = options(ITEM_STATUS_LABELS);
export const KIND_OPTIONS = options(KIND_LABELS);
export const REGION_OPTIONS = options(REGION_LABELS);
export const POPULATION_OPTIONS = options(POPULATION_LABELS);
export const PEER_ROLE_OPTIONS = options(PEER_ROLE_LABELS);
export const STAGE_OPTIONS = options(STAGE_LABELS);
export const CONTACT_ROLE_OPTIONS = options(CONTACT_ROLE_LABELS);

/** Moves that ask for a reason code in a dialog (the API refuses them without one); resolving has its own dialog. */
export const NEEDS_REASON: readonly CaseStatus[] = ['closed', 'on_hold'];

/** What resolving does with the case's open follow-ups and action items. */
export type OpenWorkChoice = NonNullable<S['TransitionDto']['openWork']>;
export const OPEN_WORK_OPTIONS: Option<OpenWorkChoice>[] = [
  { value: 'cancel', label: 'Cancel them' },
  { value: 'keep', label: 'Keep them (reminders continue)' },
];

/** A label for a code from any of the maps above, or the code itself (data the app does not know yet). */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (code == null) return '—';
  return labels[code] ?? code;
}
