import { Badge } from '@mantine/core';
import { labelOf, PRIORITY_LABELS, STALL_LABELS, STATUS_LABELS, type CasePriority, type CaseStatus, type StallLevel } from '../api/labels';

// Filled badges in dark shades: white text on them passes WCAG AA (light variants' colored text does not).
const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue.8',
  triaged: 'cyan.9',
  active: 'teal.9',
  on_hold: '#b5400c',
  resolved: 'grape.8',
  closed: 'gray.7',
};
const PRIORITY_COLORS: Record<CasePriority, string> = { low: 'gray.7', normal: 'blue.8', high: '#b5400c', urgent: 'red.9' };
const STALL_COLORS: Record<StallLevel, string> = { none: 'gray.7', at_risk: '#b5400c', escalated: 'red.9' };
// Badges never shrink into "TRIAG…" in a narrow table cell.
const NO_SHRINK = { root: { flexShrink: 0, minWidth: 'max-content' } };

export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} styles={NO_SHRINK}>
      {labelOf(STATUS_LABELS, status)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: CasePriority }) {
  return (
    <Badge
      styles={NO_SHRINK}
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'low' || priority === 'normal' ? 'outline' : 'filled'}
    >
      {labelOf(PRIORITY_LABELS, priority)}
    </Badge>
  );
}

/** "On track" is the normal case: shown quietly, so the at-risk and escalated ones stand out. */
export function StallBadge({ level }: { level: StallLevel }) {
  return (
    <Badge styles={NO_SHRINK} color={STALL_COLORS[level]} variant={level === 'none' ? 'outline' : 'filled'}>
      {labelOf(STALL_LABELS, level)}
    </Badge>
  );
}
