export const ASSESSMENT_PURPOSES = ['baseline', 'follow_up'] as const;
export type AssessmentPurpose = (typeof ASSESSMENT_PURPOSES)[number];
export const ASSESSMENT_PURPOSE_LABELS: Record<AssessmentPurpose, string> = { baseline: 'Baseline', follow_up: 'Follow-up' };

export const ASSESSMENT_STATUSES = ['open', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const RESPONDENT_STATUSES = ['invited', 'draft', 'submitted'] as const;
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number];

export const RESPONDENT_SOURCES = ['invited', 'entered'] as const;
export type RespondentSource = (typeof RESPONDENT_SOURCES)[number];

/** A round without a date of its own stays open (and its links valid) this long. */
export const DEFAULT_ROUND_DAYS = 30;
