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

/** The words people read for each code: CSVs and emails use these, and the web's copy is generated from them (ARCHITECTURE §Contracts). */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  active: 'Active',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  web_form: 'Web form',
  email: 'Email',
  phone: 'Phone',
  event: 'Event',
  outreach: 'Outreach',
};
export const CASE_PRIORITY_LABELS: Record<CasePriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const SERVICE_LINE_LABELS: Record<ServiceLine, string> = { nycps: 'NYCPS (peer)', ypa: 'YPA-C (youth)', fpa: 'FPA-C (family)' };
export const INTENSITY_LABELS: Record<Intensity, string> = { universal: 'Universal', targeted: 'Targeted', intensive: 'Intensive' };
export const STALL_LEVEL_LABELS: Record<StallLevel, string> = { none: 'On track', at_risk: 'At risk', escalated: 'Escalated' };
export const REASON_LABELS: Record<ReasonCode, string> = {
  goals_met: 'Goals met',
  clinic_withdrew: 'Clinic withdrew',
  no_response: 'No response',
  duplicate: 'Duplicate',
  referred_elsewhere: 'Referred elsewhere',
  out_of_scope: 'Out of scope',
  other: 'Other',
};
export const GOAL_AREA_LABELS: Record<GoalArea, string> = {
  readiness: 'Readiness',
  capacity: 'Capacity',
  fidelity: 'Fidelity',
  retention: 'Retention',
};
