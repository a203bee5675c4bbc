import { Button, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  staffQuery,
  timelineQuery,
  topicLabel,
  topicsQuery,
  type Case,
  type CaseEvent,
  type StaffMember,
  type Topic,
} from '../../api/cases';
import type { Me } from '../../api/client';
import {
  ATTACHMENT_ORIGIN_LABELS,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  INTENSITY_LABELS,
  ITEM_STATUS_LABELS,
  labelOf,
  MODALITY_LABELS,
  PRIORITY_LABELS,
  REASON_LABELS,
  SERVICE_LINE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../../api/labels';
import { formatDate, formatDateTime, RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { staffLabelById } from '../../components/staffNames';
import { notifyFailed } from '../../notify';
import { workWords } from './openWork';
import { canEditCase } from './permissions';
import { useMove } from './StatusActions';
import { plural } from '../../components/plural';

/** The case's history, newest first (GET /cases/:id/timeline), each event in words; the latest resolution offers Reopen. */
export function CaseTimeline({ item, me }: { item: Case; me: Me }) {
  const events = useInfiniteQuery(timelineQuery(item.id));
  const topics = useQuery(topicsQuery);
  const staff = useQuery(staffQuery);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
      <Stack>
        <Title order={3} size="h4" id="timeline-heading">
          Timeline
        </Title>
        {events.isPending ? (
          <LoadingState label="Loading timeline…" />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : (events.data.pages[0]?.total ?? 0) === 0 ? (
          <EmptyState title="Nothing yet">Changes, sessions and follow-ups will show up here.</EmptyState>
        ) : (
          <>
            <Timeline bulletSize={12} lineWidth={2} aria-label="Case events">
              {newestFirst(events.data.pages).map((event, _index, all) => (
                <Timeline.Item key={event.id} title={describe(event, { topics: topics.data, staff: staff.data })}>
                  <Text size="xs" c="dimmed" component="div">
                    {event.actor?.name ?? 'TA Desk'} · <RelativeTime iso={event.createdAt} size="xs" />
                  </Text>
                  {detail(event, { staff: staff.data }) && (
                    <Text size="sm" mt={4}>
                      {detail(event, { staff: staff.data })}
                    </Text>
                  )}
                  {event === all.find((e) => e.type === 'transition') && isResolution(event) && <ReopenButton item={item} me={me} />}
                </Timeline.Item>
              ))}
            </Timeline>
            {events.hasNextPage && (
              <Button variant="subtle" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                Show older events ({olderCount(events.data.pages)} more)
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function isResolution(event: CaseEvent): boolean {
  return event.type === 'transition' && event.data.to === 'resolved';
}

/** Undoes a resolution from its timeline entry, while the case is still resolved and the user may change it. */
function ReopenButton({ item, me }: { item: Case; me: Me }) {
  const move = useMove(item);
  if (item.status !== 'resolved' || !item.allowedMoves.includes('active') || !canEditCase(item, me)) return null;
  return (
    <Button
      size="xs"
      variant="light"
      mt={6}
      loading={move.isPending}
      onClick={() => move.mutate({ to: 'active' }, { onError: notifyFailed })}
      aria-label={`Reopen ${item.reference}`}
    >
      Reopen
    </Button>
  );
}

/** The fetched pages as one list; an event that slid onto the next page as new ones arrived shows once. */
function newestFirst(pages: { items: CaseEvent[] }[]): CaseEvent[] {
  const seen = new Set<string>();
  return pages.flatMap((page) => page.items).filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}

function olderCount(pages: { items: CaseEvent[]; total: number }[]): number {
  return (pages.at(-1)?.total ?? 0) - newestFirst(pages).length;
}

interface Lookup {
  topics?: Topic[];
  staff?: StaffMember[];
}

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  topics: 'Topics',
  serviceLines: 'Service lines',
  priority: 'Priority',
  intensity: 'Intensity',
  primaryContactId: 'Primary contact',
  source: 'Source',
};

function str(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
}

function staffName(lookup: Lookup, id: unknown): string {
  if (id == null) return 'nobody';
  return staffLabelById(lookup.staff, str(id), 'a former colleague');
}

function fieldValue(field: string, value: unknown, lookup: Lookup): string {
  if (value == null || value === '') return 'none';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (field === 'topics') return value.map((code) => topicLabel(lookup.topics, str(code))).join(', ');
    if (field === 'serviceLines') return value.map((line) => labelOf(SERVICE_LINE_LABELS, str(line))).join(', ');
    return value.map(str).join(', ');
  }
  if (field === 'priority') return labelOf(PRIORITY_LABELS, str(value));
  if (field === 'intensity') return labelOf(INTENSITY_LABELS, str(value));
  if (field === 'source') return labelOf(SOURCE_LABELS, str(value));
  if (field === 'primaryContactId') return 'a contact';
  const text = str(value);
  return text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`;
}

/** The event's headline. Unknown types (added by later features) still read sensibly. */
export function describe(event: CaseEvent, lookup: Lookup): string {
  const d = event.data;
  switch (event.type) {
    case 'created':
      return `Case opened${d.source ? ` (${labelOf(SOURCE_LABELS, str(d.source))})` : ''}`;
    case 'field_changed': {
      const field = str(d.field);
      const name = FIELD_NAMES[field] ?? field;
      if (field === 'description') return 'Description edited';
      return `${name} changed from ${fieldValue(field, d.from, lookup)} to ${fieldValue(field, d.to, lookup)}`;
    }
    case 'transition':
      return `Status changed from ${labelOf(STATUS_LABELS, str(d.from))} to ${labelOf(STATUS_LABELS, str(d.to))}${
        d.reason ? ` (${labelOf(REASON_LABELS, str(d.reason))})` : ''
      }`;
    case 'assigned':
      if (d.claimed) return `${staffName(lookup, d.to)} picked up the case`;
      return d.from
        ? `Reassigned from ${staffName(lookup, d.from)} to ${staffName(lookup, d.to)}`
        : `Assigned to ${staffName(lookup, d.to)}`;
    case 'consultation_logged':
      return `Session logged: ${labelOf(MODALITY_LABELS, str(d.modality)).toLowerCase()}, ${str(d.durationMinutes)} min`;
    case 'consultation_updated':
      return 'Session edited';
    case 'consultation_deleted':
      return 'Session deleted';
    case 'attachment_added':
      return `File added: ${str(d.fileName)}`;
    case 'attachment_deleted':
      return `File deleted: ${str(d.fileName)}`;
    case 'plan_updated':
      return 'Action plan goals updated';
    case 'goals_from_assessment':
      return `Goals added from the readiness assessment: ${(Array.isArray(d.sections) ? (d.sections as Array<{ title?: string }>) : []).map((s) => s.title).join(', ')}`;
    case 'assessment_started':
      return `Readiness assessment started (${d.purpose === 'follow_up' ? 'follow-up' : 'baseline'})`;
    case 'assessment_closed':
      return 'Readiness assessment round closed';
    case 'assessment_invited':
      return 'Readiness assessment invitations sent';
    case 'reassessment_due':
      return `Time to reassess: ${str(d.days)} days since the last readiness round closed`;
    case 'action_item_added':
      return `Action item added: ${str(d.description)}`;
    case 'action_item_status':
      return `Action item ${labelOf(ITEM_STATUS_LABELS, str(d.to)).toLowerCase()}: ${str(d.description)}`;
    case 'action_item_updated':
      return `Action item edited: ${str(d.description)}`;
    case 'follow_up_scheduled':
      return `Follow-up scheduled: ${labelOf(FOLLOW_UP_KIND_LABELS, str(d.kind)).toLowerCase()}`;
    case 'follow_up_status':
      return `Follow-up ${labelOf(FOLLOW_UP_STATUS_LABELS, str(d.to)).toLowerCase()}: ${labelOf(FOLLOW_UP_KIND_LABELS, str(d.kind)).toLowerCase()}`;
    case 'follow_up_updated':
      return `Follow-up ${d.fromDueAt ? 'rescheduled' : 'edited'}: ${labelOf(FOLLOW_UP_KIND_LABELS, str(d.kind)).toLowerCase()}`;
    // Written by the worker's timer sweep (no actor) and by leads acknowledging it.
    case 'stall_at_risk':
      return `No activity for ${plural(Number(d.days), 'day')}: at risk`;
    case 'escalated':
      return d.reason === 'first_response_overdue'
        ? 'Escalated: first response overdue'
        : `Escalated: no activity for ${plural(Number(d.days), 'day')}`;
    case 'escalation_acknowledged':
      return d.level === 'at_risk' ? 'At-risk warning acknowledged' : 'Escalation acknowledged';
    case 'reminder_sent':
      return `Reminder sent${d.to ? ` to ${str(d.to)}` : ''}: ${d.actionItemId ? 'action item' : 'follow-up'} due ${
        d.reminder === 'due_today' ? 'today' : 'tomorrow'
      }`;
    case 'follow_up_missed':
      return `Follow-up missed: ${labelOf(FOLLOW_UP_KIND_LABELS, str(d.kind)).toLowerCase()}`;
    case 'message_sent':
      return `Email sent to ${Array.isArray(d.to) ? d.to.map(str).join(', ') : str(d.to)}`;
    case 'message_received':
      if (d.viaStatusPage) return `${str(d.from) || 'The requester'} added information on the status page`;
      return d.autoReply ? `Automatic reply from ${str(d.from)} (not counted as activity)` : `Reply from ${str(d.from)}`;
    default: {
      const words = event.type.replace(/[_-]+/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

/** A second line for events that carry more than their headline says. */
function detail(event: CaseEvent, lookup: Lookup): string | null {
  const d = event.data;
  switch (event.type) {
    case 'assigned': {
      const moved = d.moved as { followUps?: number; actionItems?: number } | undefined;
      if (!moved || (!moved.followUps && !moved.actionItems)) return null;
      return `Moved ${workWords(Number(moved.followUps ?? 0), Number(moved.actionItems ?? 0))} to ${staffName(lookup, d.to)}`;
    }
    case 'transition': {
      if (d.openWork !== 'cancelled' && d.openWork !== 'kept') return null;
      const count = Number(d.followUps ?? 0) + Number(d.actionItems ?? 0);
      if (count === 0) return null;
      const words = workWords(Number(d.followUps ?? 0), Number(d.actionItems ?? 0), 'open');
      return d.openWork === 'cancelled' ? `Cancelled ${words}` : `Kept ${words} (reminders continue)`;
    }
    case 'created':
      return d.title ? str(d.title) : null;
    case 'consultation_logged':
    case 'consultation_deleted':
      return d.startedAt ? `Held ${formatDateTime(str(d.startedAt))}` : null;
    case 'consultation_updated':
      return Array.isArray(d.fields) && d.fields.length ? `Changed: ${d.fields.map(str).join(', ')}` : null;
    case 'attachment_added':
      // Staff uploads say who in the byline; a file from the clinic says how it came.
      return d.origin && d.origin !== 'staff_upload' ? labelOf(ATTACHMENT_ORIGIN_LABELS, str(d.origin)) : null;
    case 'attachment_deleted':
      return null;
    case 'plan_updated': {
      const goals = Array.isArray(d.goals) ? d.goals.map(str) : [];
      const removed = Array.isArray(d.removed) ? d.removed.map(str) : [];
      return [goals.length ? `Goals: ${goals.join('; ')}` : 'No goals', removed.length ? `Removed: ${removed.join('; ')}` : '']
        .filter(Boolean)
        .join('. ');
    }
    case 'action_item_added':
      return d.dueDate ? `Due ${formatDate(str(d.dueDate))}` : null;
    case 'follow_up_scheduled':
    case 'follow_up_updated':
      return d.dueAt ? `Due ${formatDateTime(str(d.dueAt))}` : null;
    case 'escalated':
      return d.dueAt ? `The first response was due ${formatDateTime(str(d.dueAt))}` : null;
    case 'follow_up_missed':
      return d.dueAt ? `Was due ${formatDateTime(str(d.dueAt))}` : null;
    case 'escalation_acknowledged':
      return d.note ? str(d.note) : null;
    case 'message_sent':
    case 'message_received':
      return d.subject ? str(d.subject) : null;
    case 'stall_at_risk':
    case 'reminder_sent':
      return null;
    default: {
      const known = [
        'created',
        'field_changed',
        'action_item_status',
        'action_item_updated',
        'follow_up_status',
        'goals_from_assessment',
        'assessment_started',
        'assessment_closed',
        'assessment_invited',
        'reassessment_due',
      ];
      if (known.includes(event.type) || Object.keys(d).length === 0) return null;
      // An event type this version of the app does not know: show its data plainly.
      return Object.entries(d)
        .filter(([key]) => !key.endsWith('Id'))
        .map(([key, value]) => `${key}: ${str(value)}`)
        .join(' · ');
    }
  }
}
