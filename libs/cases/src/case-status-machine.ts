import type { CaseStatus } from './case-enums.js';

/** docs/ARCHITECTURE.md §Domain: new → triaged → active ⇄ on_hold → resolved → closed; resolved → active (reopen); new|triaged → closed. */
const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['triaged', 'closed'],
  triaged: ['active', 'closed'],
  active: ['on_hold', 'resolved'],
  on_hold: ['active', 'resolved'],
  resolved: ['active', 'closed'],
  closed: [],
};

/** Resolving, closing and putting on hold are kept for reporting with a reason code (the outcome, when resolving). */
const NEEDS_REASON: readonly CaseStatus[] = ['resolved', 'closed', 'on_hold'];

export function allowedMoves(from: CaseStatus): readonly CaseStatus[] {
  return MOVES[from];
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return MOVES[from].includes(to);
}

export function needsReason(to: CaseStatus): boolean {
  return NEEDS_REASON.includes(to);
}

/** Which timestamps a move sets or clears; `now` is passed in so callers (and tests) control time. */
export function timestampsFor(to: CaseStatus, now: Date): { resolvedAt?: Date | null; closedAt?: Date | null } {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now };
  if (to === 'active') return { resolvedAt: null };
  return {};
}
