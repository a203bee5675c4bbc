export const SURVEY_KINDS = ['case_closure', 'outcome_check'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { case_closure: 'Closure survey', outcome_check: 'Outcome check' };

export const QUESTION_TYPES = ['rating', 'single', 'multi', 'yes_no', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const INVITATION_STATUSES = ['sent', 'answered'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** A survey link stays valid this long; a sweep that finds a case this late past its due day no longer sends. */
export const SURVEY_LINK_DAYS = 30;

/** An overall satisfaction of this or lower tells the case's consultant and the leads (ARCHITECTURE §Surveys). */
export const LOW_RATING = 2;

/** The answers of a yes/no question, as stored (choice_values) and as read. */
export const YES_NO_LABELS: Record<'yes' | 'no', string> = { yes: 'Yes', no: 'No' };
