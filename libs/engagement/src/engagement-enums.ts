export const MODALITIES = ['video', 'phone', 'onsite', 'email', 'webinar', 'training'] as const;
export type Modality = (typeof MODALITIES)[number];
/** The words people read for each code (the web's copy is generated from these: ARCHITECTURE §Contracts). */
export const MODALITY_LABELS: Record<Modality, string> = {
  video: 'Video',
  phone: 'Phone',
  onsite: 'On site',
  email: 'Email',
  webinar: 'Webinar',
  training: 'Training',
};

/** `cancelled`: dropped when its case was resolved or closed with its open work cancelled (or by hand). */
export const ACTION_ITEM_STATUSES = ['todo', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const FOLLOW_UP_KINDS = ['check_in', 'send_resource', 'review_plan', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['scheduled', 'done', 'cancelled', 'missed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
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

export interface Progress {
  done: number;
  total: number;
  /** 0–100, rounded down; 0 when there is nothing to do. */
  percent: number;
}

/** Plan progress: done items over all items but cancelled ones (blocked and in-progress count as not done). */
export function progressOf(statuses: readonly ActionItemStatus[]): Progress {
  const done = statuses.filter((s) => s === 'done').length;
  const total = statuses.filter((s) => s !== 'cancelled').length;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}
