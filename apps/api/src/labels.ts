import { ASSESSMENT_PURPOSE_LABELS } from '@ta/assessments';
import { ATTACHMENT_ORIGIN_LABELS } from '@ta/attachments';
import {
  CASE_PRIORITY_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  GOAL_AREA_LABELS,
  INTENSITY_LABELS,
  REASON_LABELS,
  SERVICE_LINE_LABELS,
  STALL_LEVEL_LABELS,
} from '@ta/cases';
import { AUTO_REPLY_KIND_LABELS, MESSAGE_STATUS_LABELS } from '@ta/conversation';
import { TEMPLATE_LABELS } from '@ta/mail';
import { ACTION_ITEM_STATUS_LABELS, FOLLOW_UP_KIND_LABELS, FOLLOW_UP_STATUS_LABELS, MODALITY_LABELS } from '@ta/engagement';
import {
  CONTACT_ROLE_LABELS,
  ORGANIZATION_KIND_LABELS,
  PEER_ROLE_LABELS,
  POPULATION_LABELS,
  REGION_LABELS,
  STAGE_LABELS,
} from '@ta/organizations';
import { SURVEY_KIND_LABELS } from '@ta/surveys';

/**
 * Every enum's labels, from the tables beside the enums in their libs (the ones CSVs and emails use). `npm run
 * api:client` writes them to apps/web/src/api/labels.generated.ts, so the web shows the same words (ARCHITECTURE
 * §Contracts). A new enum with labels: one line here.
 */
export const ENUM_LABELS = {
  caseStatus: CASE_STATUS_LABELS,
  casePriority: CASE_PRIORITY_LABELS,
  caseSource: CASE_SOURCE_LABELS,
  stallLevel: STALL_LEVEL_LABELS,
  intensity: INTENSITY_LABELS,
  serviceLine: SERVICE_LINE_LABELS,
  goalArea: GOAL_AREA_LABELS,
  reasonCode: REASON_LABELS,
  modality: MODALITY_LABELS,
  followUpKind: FOLLOW_UP_KIND_LABELS,
  followUpStatus: FOLLOW_UP_STATUS_LABELS,
  actionItemStatus: ACTION_ITEM_STATUS_LABELS,
  organizationKind: ORGANIZATION_KIND_LABELS,
  region: REGION_LABELS,
  population: POPULATION_LABELS,
  peerRole: PEER_ROLE_LABELS,
  stage: STAGE_LABELS,
  contactRole: CONTACT_ROLE_LABELS,
  assessmentPurpose: ASSESSMENT_PURPOSE_LABELS,
  attachmentOrigin: ATTACHMENT_ORIGIN_LABELS,
  emailTemplate: TEMPLATE_LABELS,
  surveyKind: SURVEY_KIND_LABELS,
  messageStatus: MESSAGE_STATUS_LABELS,
  autoReplyKind: AUTO_REPLY_KIND_LABELS,
} as const;
