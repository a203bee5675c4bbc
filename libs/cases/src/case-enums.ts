export const CASE_STATUSES = ['new', 'triaged', 'active', 'on_hold', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_SOURCES = ['web_form', 'email', 'phone', 'event', 'outreach'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const SERVICE_LINES = ['nycps', 'ypa', 'fpa'] as const;
export type ServiceLine = (typeof SERVICE_LINES)[number];

/** SAMHSA TA-center classification of how deep an engagement is. */
export const INTENSITIES = ['universal', 'targeted', 'intensive'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const STALL_LEVELS = ['none', 'at_risk', 'escalated'] as const;
export type StallLevel = (typeof STALL_LEVELS)[number];

export const REASON_CODES = [
  'goals_met',
  'clinic_withdrew',
  'no_response',
  'duplicate',
  'referred_elsewhere',
  'out_of_scope',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** What resolving does with a case's open follow-ups and action items. */
export const OPEN_WORK_CHOICES = ['cancel', 'keep'] as const;
export type OpenWorkChoice = (typeof OPEN_WORK_CHOICES)[number];

export const GOAL_AREAS = ['readiness', 'capacity', 'fidelity', 'retention'] as const;
export type GoalArea = (typeof GOAL_AREAS)[number];
