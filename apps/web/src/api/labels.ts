import { ENUM_LABELS } from './labels.generated';
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
export type AssessmentPurpose = S['AssessmentSummaryDto']['purpose'];
export type AttachmentOrigin = S['AttachmentDto']['origin'];
export type SurveyKind = S['PublicSurveyDto']['kind'];
export type MessageStatus = NonNullable<S['MessageDto']['status']>;
export type AutoReplyKind = NonNullable<S['MessageDto']['autoReply']>;

/** An enum's values with the words staff read, in the order forms and filters list them. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

function options<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/*
 * The words for each code come from the server's tables (apps/api/src/labels.ts → labels.generated.ts, written by
 * `npm run api:client`): CSVs, emails and pages say the same. Each is typed by the OpenAPI enum it labels, so a code
 * the API adds without a label fails the web's typecheck.
 */
export const STATUS_LABELS: Record<CaseStatus, string> = ENUM_LABELS.caseStatus;
export const PRIORITY_LABELS: Record<CasePriority, string> = ENUM_LABELS.casePriority;
export const SOURCE_LABELS: Record<CaseSource, string> = ENUM_LABELS.caseSource;
export const STALL_LABELS: Record<StallLevel, string> = ENUM_LABELS.stallLevel;
export const INTENSITY_LABELS: Record<Intensity, string> = ENUM_LABELS.intensity;
export const SERVICE_LINE_LABELS: Record<ServiceLine, string> = ENUM_LABELS.serviceLine;
export const GOAL_AREA_LABELS: Record<GoalArea, string> = ENUM_LABELS.goalArea;
export const REASON_LABELS: Record<ReasonCode, string> = ENUM_LABELS.reasonCode;
export const MODALITY_LABELS: Record<Modality, string> = ENUM_LABELS.modality;
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = ENUM_LABELS.followUpKind;
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = ENUM_LABELS.followUpStatus;
export const ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = ENUM_LABELS.actionItemStatus;
export const KIND_LABELS: Record<OrganizationKind, string> = ENUM_LABELS.organizationKind;
export const REGION_LABELS: Record<Region, string> = ENUM_LABELS.region;
export const POPULATION_LABELS: Record<Population, string> = ENUM_LABELS.population;
export const PEER_ROLE_LABELS: Record<PeerRole, string> = ENUM_LABELS.peerRole;
export const STAGE_LABELS: Record<Stage, string> = ENUM_LABELS.stage;
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = ENUM_LABELS.contactRole;
export const ASSESSMENT_PURPOSE_LABELS: Record<AssessmentPurpose, string> = ENUM_LABELS.assessmentPurpose;
export const ATTACHMENT_ORIGIN_LABELS: Record<AttachmentOrigin, string> = ENUM_LABELS.attachmentOrigin;
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = ENUM_LABELS.surveyKind;
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = ENUM_LABELS.messageStatus;
export const AUTO_REPLY_LABELS: Record<AutoReplyKind, string> = ENUM_LABELS.autoReplyKind;
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
/** The outbox's templates (a template since retired shows its code through labelOf). */
export const TEMPLATE_LABELS: Record<string, string> = ENUM_LABELS.emailTemplate;

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
