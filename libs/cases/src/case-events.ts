import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  CASE_SOURCES,
  CASE_STATUSES,
  REASON_CODES,
  STALL_LEVELS,
  type CaseSource,
  type CaseStatus,
  type ReasonCode,
  type StallLevel,
} from './case-enums.js';

/**
 * The case timeline's contract (ARCHITECTURE §Contracts): every event type and the data it carries, defined once.
 * `CASE_EVENT_DATA` maps each type to its payload class; the class is the TypeScript type that
 * CaseEventsService.record and caseEventsInsertSql check, and the schema the web receives through OpenAPI (the
 * timeline's items are a union discriminated by `type`). Adding an event: a payload class here and one line in
 * CASE_EVENT_DATA; the compiler then shows the web timeline's switch where it needs words for it.
 *
 * Codes owned by libs above cases (a session's modality, a follow-up's kind and status, an action item's status, an
 * assessment's purpose, a file's origin, a survey's kind, an auto-reply's kind) are strings here: cases cannot import
 * engagement, assessments, attachments, surveys or conversation
 * (no cycles).
 */

const UUID = { format: 'uuid' } as const;
const INSTANT = { description: 'an instant (ISO 8601)' } as const;

/** What `reminder_sent` and the reminder emails say about when the thing is due. */
export const REMINDER_KINDS = ['due_today', 'day_before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const ESCALATION_REASONS = ['first_response_overdue', 'no_activity'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The fields a PATCH of the case may change (each change is one `field_changed` event). */
export const EDITABLE_CASE_FIELDS = [
  'title',
  'description',
  'topics',
  'serviceLines',
  'priority',
  'intensity',
  'primaryContactId',
] as const;
export type EditableCaseField = (typeof EDITABLE_CASE_FIELDS)[number];

/** A field's value before or after a change: text, a list of codes, or nothing. */
export type CaseFieldValue = string | string[] | null;
const FIELD_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  nullable: true,
  description: 'text, a list of codes, or null',
};

export class OpenWorkCountsData {
  @ApiProperty() followUps: number;
  @ApiProperty() actionItems: number;
}

export class CreatedEventData {
  @ApiProperty() title: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: CaseSource;
  @ApiProperty({ enum: ['new'] }) status: 'new';
  @ApiPropertyOptional({ ...UUID, description: 'the public request it came from' }) intakeId?: string;
}

export class FieldChangedEventData {
  @ApiProperty({ enum: EDITABLE_CASE_FIELDS }) field: EditableCaseField;
  @ApiProperty(FIELD_VALUE) from: CaseFieldValue;
  @ApiProperty(FIELD_VALUE) to: CaseFieldValue;
  @ApiPropertyOptional({ description: "intensity: a lead confirmed the tier TA Desk suggested from the case's sessions" })
  suggested?: boolean;
}

export class TransitionEventData {
  @ApiProperty({ enum: CASE_STATUSES }) from: CaseStatus;
  @ApiProperty({ enum: CASE_STATUSES }) to: CaseStatus;
  @ApiPropertyOptional({ enum: REASON_CODES }) reason?: ReasonCode;
  @ApiPropertyOptional({ enum: ['cancelled', 'kept'], description: 'what resolving or closing did with the open work' })
  openWork?: 'cancelled' | 'kept';
  @ApiPropertyOptional() followUps?: number;
  @ApiPropertyOptional() actionItems?: number;
}

export class AssignedEventData {
  @ApiProperty({ ...UUID, nullable: true, type: String }) from: string | null;
  @ApiProperty(UUID) to: string;
  @ApiPropertyOptional({ description: 'the assignee picked the case up themselves' }) claimed?: boolean;
  @ApiPropertyOptional({ type: OpenWorkCountsData, description: 'open work that moved with the case' }) moved?: OpenWorkCountsData;
}

export class ConsultationLoggedEventData {
  @ApiProperty(UUID) consultationId: string;
  @ApiProperty(INSTANT) startedAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ description: 'a modality code (engagement)' }) modality: string;
}

export class ConsultationUpdatedEventData {
  @ApiProperty(UUID) consultationId: string;
  @ApiProperty({ type: [String] }) fields: string[];
}

export class ConsultationDeletedEventData {
  @ApiProperty(UUID) consultationId: string;
  @ApiProperty(INSTANT) startedAt: string;
  @ApiProperty() durationMinutes: number;
}

export class FollowUpScheduledEventData {
  @ApiProperty(UUID) followUpId: string;
  @ApiProperty({ description: 'a follow-up kind code (engagement)' }) kind: string;
  @ApiProperty(INSTANT) dueAt: string;
  @ApiProperty(UUID) assigneeId: string;
  @ApiPropertyOptional({ enum: ['done'], description: 'logged as already done' }) status?: 'done';
}

export class FollowUpStatusEventData {
  @ApiProperty(UUID) followUpId: string;
  @ApiProperty({ description: 'a follow-up kind code (engagement)' }) kind: string;
  @ApiProperty({ description: 'a follow-up status code (engagement)' }) from: string;
  @ApiProperty({ description: 'a follow-up status code (engagement)' }) to: string;
}

export class FollowUpUpdatedEventData {
  @ApiProperty(UUID) followUpId: string;
  @ApiProperty({ description: 'a follow-up kind code (engagement)' }) kind: string;
  @ApiProperty(INSTANT) dueAt: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'when it was due before it was rescheduled' }) fromDueAt?: string;
}

export class FollowUpMissedEventData {
  @ApiProperty(UUID) followUpId: string;
  @ApiProperty({ description: 'a follow-up kind code (engagement)' }) kind: string;
  @ApiProperty(INSTANT) dueAt: string;
}

export class AttachmentAddedEventData {
  @ApiProperty(UUID) attachmentId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'an attachment origin code (attachments): how the file reached the case' }) origin: string;
  @ApiPropertyOptional({ ...UUID, description: 'the session the file is from' }) consultationId?: string;
  @ApiPropertyOptional({ ...UUID, description: 'the message the file belongs to' }) messageId?: string;
}

export class AttachmentDeletedEventData {
  @ApiProperty(UUID) attachmentId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'the SHA-256 of the bytes, hex: what was removed, for the audit trail' }) sha256: string;
}

export class PlanUpdatedEventData {
  @ApiProperty({ type: [String], description: 'the goals after the change' }) goals: string[];
  @ApiProperty({ type: [String], description: 'goals removed' }) removed: string[];
}

export class ActionItemAddedEventData {
  @ApiProperty(UUID) itemId: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, description: 'a calendar date (YYYY-MM-DD)' }) dueDate: string | null;
}

export class ActionItemStatusEventData {
  @ApiProperty(UUID) itemId: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'an action item status code (engagement)' }) from: string;
  @ApiProperty({ description: 'an action item status code (engagement)' }) to: string;
}

export class ActionItemUpdatedEventData {
  @ApiProperty(UUID) itemId: string;
  @ApiProperty() description: string;
}

export class AssessmentStartedEventData {
  @ApiProperty(UUID) assessmentId: string;
  @ApiProperty({ description: 'an assessment purpose code (assessments)' }) purpose: string;
}

export class AssessmentInvitedEventData {
  @ApiProperty(UUID) assessmentId: string;
  @ApiProperty({ type: [String], description: 'names of the contacts invited' }) invited: string[];
}

export class AssessmentClosedEventData {
  @ApiProperty(UUID) assessmentId: string;
  @ApiProperty({ description: 'respondents who had submitted' }) submitted: number;
}

export class AssessmentSectionScoreData {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
}

export class GoalsFromAssessmentEventData {
  @ApiProperty(UUID) assessmentId: string;
  @ApiProperty({ type: [AssessmentSectionScoreData] }) sections: AssessmentSectionScoreData[];
}

export class ReassessmentDueEventData {
  @ApiProperty(UUID) assessmentId: string;
  @ApiProperty({ description: 'days since the round closed' }) days: number;
}

export class SurveySentEventData {
  @ApiProperty(UUID) invitationId: string;
  @ApiProperty({ description: 'a survey kind code (surveys)' }) kind: string;
  @ApiProperty({ description: 'the name of the contact the link went to' }) recipient: string;
}

export class SurveyAnsweredEventData {
  @ApiProperty(UUID) invitationId: string;
  @ApiProperty({ description: 'a survey kind code (surveys)' }) kind: string;
  @ApiProperty({ description: 'the name of the contact who answered' }) recipient: string;
  @ApiPropertyOptional({ description: 'the overall satisfaction given, 1–5 (closure survey)' }) satisfaction?: number;
}

export class SurveyOptedOutEventData {
  @ApiProperty({ description: 'the name of the contact who asked for no more surveys' }) recipient: string;
}

export class EscalatedEventData {
  @ApiProperty({ enum: ESCALATION_REASONS }) reason: EscalationReason;
  @ApiPropertyOptional({ ...INSTANT, description: 'first_response_overdue: when the first response was due' }) dueAt?: string;
  @ApiPropertyOptional({ description: 'no_activity: days without activity' }) days?: number;
}

export class StallAtRiskEventData {
  @ApiProperty({ description: 'days without activity' }) days: number;
}

export class EscalationAcknowledgedEventData {
  @ApiProperty({ enum: STALL_LEVELS }) level: StallLevel;
  @ApiPropertyOptional() note?: string;
}

export class ReminderSentEventData {
  @ApiPropertyOptional(UUID) followUpId?: string;
  @ApiPropertyOptional(UUID) actionItemId?: string;
  @ApiProperty({ enum: REMINDER_KINDS }) reminder: ReminderKind;
  @ApiProperty({ type: String, nullable: true, description: 'who was reminded' }) to: string | null;
}

export class MessageSentEventData {
  @ApiProperty({ ...UUID, description: 'the message (conversation)' }) messageId: string;
  @ApiProperty({ type: [String], description: 'the addresses written to' }) to: string[];
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'case files sent with it' }) attachments: number;
}

export class MessageReceivedEventData {
  @ApiProperty({ ...UUID, description: 'the message (conversation)' }) messageId: string;
  @ApiProperty({ type: String, nullable: true, description: "the sender's name, else their address" }) from: string | null;
  @ApiProperty() subject: string;
  @ApiPropertyOptional({ description: 'an auto-reply kind code (conversation): not the clinic answering, so no activity' })
  autoReply?: string;
  @ApiPropertyOptional({ description: 'written on the public status page rather than emailed' }) viaStatusPage?: boolean;
}

/** Every event type → its payload class. One line per type; the order is the order the API document lists them. */
export const CASE_EVENT_DATA = {
  created: CreatedEventData,
  field_changed: FieldChangedEventData,
  transition: TransitionEventData,
  assigned: AssignedEventData,
  consultation_logged: ConsultationLoggedEventData,
  consultation_updated: ConsultationUpdatedEventData,
  consultation_deleted: ConsultationDeletedEventData,
  attachment_added: AttachmentAddedEventData,
  attachment_deleted: AttachmentDeletedEventData,
  follow_up_scheduled: FollowUpScheduledEventData,
  follow_up_status: FollowUpStatusEventData,
  follow_up_updated: FollowUpUpdatedEventData,
  follow_up_missed: FollowUpMissedEventData,
  plan_updated: PlanUpdatedEventData,
  action_item_added: ActionItemAddedEventData,
  action_item_status: ActionItemStatusEventData,
  action_item_updated: ActionItemUpdatedEventData,
  assessment_started: AssessmentStartedEventData,
  assessment_invited: AssessmentInvitedEventData,
  assessment_closed: AssessmentClosedEventData,
  goals_from_assessment: GoalsFromAssessmentEventData,
  reassessment_due: ReassessmentDueEventData,
  survey_sent: SurveySentEventData,
  survey_answered: SurveyAnsweredEventData,
  survey_opted_out: SurveyOptedOutEventData,
  escalated: EscalatedEventData,
  stall_at_risk: StallAtRiskEventData,
  escalation_acknowledged: EscalationAcknowledgedEventData,
  reminder_sent: ReminderSentEventData,
  message_sent: MessageSentEventData,
  message_received: MessageReceivedEventData,
} as const;

/** `{ created: CreatedEventData; transition: TransitionEventData; … }`: the payload each event type carries. */
export type CaseEventPayloads = { [K in keyof typeof CASE_EVENT_DATA]: InstanceType<(typeof CASE_EVENT_DATA)[K]> };
export type CaseEventType = keyof CaseEventPayloads;
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_DATA) as CaseEventType[];
