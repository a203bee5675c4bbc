import { CASE_STATUSES, type CaseStatus } from './case-enums.js';
import { allowedMoves, canMove, needsReason, timestampsFor } from './case-status-machine.js';

const legal: Array<[CaseStatus, CaseStatus]> = [
  ['new', 'triaged'],
  ['new', 'closed'],
  ['triaged', 'active'],
  ['triaged', 'closed'],
  ['active', 'on_hold'],
  ['active', 'resolved'],
  ['on_hold', 'active'],
  ['on_hold', 'resolved'],
  ['resolved', 'active'],
  ['resolved', 'closed'],
];

describe('case status machine', () => {
  it('allows exactly the moves of docs/ARCHITECTURE.md §Domain', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const expected = legal.some(([f, t]) => f === from && t === to);
        expect([from, to, canMove(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('lists no move out of closed', () => {
    expect(allowedMoves('closed')).toEqual([]);
  });

  it('asks a reason for closing and holding only', () => {
    expect(CASE_STATUSES.filter(needsReason)).toEqual(['on_hold', 'resolved', 'closed']);
  });

  it('stamps resolve and close, and clears resolvedAt on reopen', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(timestampsFor('resolved', now)).toEqual({ resolvedAt: now });
    expect(timestampsFor('closed', now)).toEqual({ closedAt: now });
    expect(timestampsFor('active', now)).toEqual({ resolvedAt: null });
    expect(timestampsFor('on_hold', now)).toEqual({});
  });
});
