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
  ASSESSMENT_PURPOSE_LABELS,
  ATTACHMENT_ORIGIN_LABELS,
  AUTO_REPLY_LABELS,
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
  SURVEY_KIND_LABELS,
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

type FieldChanged = Extract<CaseEvent, { type: 'field_changed' }>['data'];

const FIELD_NAMES: Record<FieldChanged['field'], string> = {
  title: 'Title',
  description: 'Description',
  topics: 'Topics',
  serviceLines: 'Service lines',
  priority: 'Priority',
  intensity: 'Intensity',
  primaryContactId: 'Primary contact',
};

function staffName(lookup: Lookup, id: string | null): string {
  if (id == null) return 'nobody';
  return staffLabelById(lookup.staff, id, 'a former colleague');
}

function fieldValue(field: FieldChanged['field'], value: FieldChanged['from'], lookup: Lookup): string {
  if (value == null || value === '') return 'none';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (field === 'topics') return value.map((code) => topicLabel(lookup.topics, code)).join(', ');
    if (field === 'serviceLines') return value.map((line) => labelOf(SERVICE_LINE_LABELS, line)).join(', ');
    return value.join(', ');
  }
  if (field === 'priority') return labelOf(PRIORITY_LABELS, value);
  if (field === 'intensity') return labelOf(INTENSITY_LABELS, value);
  if (field === 'primaryContactId') return 'a contact';
  return value.length > 60 ? `“${value.slice(0, 57)}…”` : `“${value}”`;
}

const lower = (labels: Record<string, string>, code: string) => labelOf(labels, code).toLowerCase();

/** The event's headline, in words; the compiler checks that every event type the API declares has one. */
export function describe(event: CaseEvent, lookup: Lookup): string {
  switch (event.type) {
    case 'created':
      return `Case opened (${labelOf(SOURCE_LABELS, event.data.source)})`;
    case 'field_changed': {
      const { field, from, to } = event.data;
      if (field === 'description') return 'Description edited';
      if (event.data.suggested) return `${FIELD_NAMES[field]} set to ${fieldValue(field, to, lookup)}: the suggested tier, confirmed`;
      return `${FIELD_NAMES[field]} changed from ${fieldValue(field, from, lookup)} to ${fieldValue(field, to, lookup)}`;
    }
    case 'transition': {
      const { from, to, reason } = event.data;
      return `Status changed from ${labelOf(STATUS_LABELS, from)} to ${labelOf(STATUS_LABELS, to)}${reason ? ` (${labelOf(REASON_LABELS, reason)})` : ''}`;
    }
    case 'assigned': {
      const { from, to, claimed } = event.data;
      if (claimed) return `${staffName(lookup, to)} picked up the case`;
      return from ? `Reassigned from ${staffName(lookup, from)} to ${staffName(lookup, to)}` : `Assigned to ${staffName(lookup, to)}`;
    }
    case 'consultation_logged':
      return `Session logged: ${lower(MODALITY_LABELS, event.data.modality)}, ${event.data.durationMinutes} min`;
    case 'consultation_updated':
      return 'Session edited';
    case 'consultation_deleted':
      return 'Session deleted';
    case 'attachment_added':
      return `File added: ${event.data.fileName}`;
    case 'attachment_deleted':
      return `File deleted: ${event.data.fileName}`;
    case 'plan_updated':
      return 'Action plan goals updated';
    case 'goals_from_assessment':
      return `Goals added from the readiness assessment: ${event.data.sections.map((s) => s.title).join(', ')}`;
    case 'assessment_started':
      return `Readiness assessment started (${lower(ASSESSMENT_PURPOSE_LABELS, event.data.purpose)})`;
    case 'assessment_closed':
      return 'Readiness assessment round closed';
    case 'assessment_invited':
      return 'Readiness assessment invitations sent';
    case 'reassessment_due':
      return `Time to reassess: ${event.data.days} days since the last readiness round closed`;
    case 'survey_sent':
      return `${labelOf(SURVEY_KIND_LABELS, event.data.kind)} sent to ${event.data.recipient}`;
    case 'survey_answered': {
      const { kind, recipient, satisfaction } = event.data;
      return `${labelOf(SURVEY_KIND_LABELS, kind)} answered by ${recipient}${satisfaction !== undefined ? `: overall satisfaction ${satisfaction} of 5` : ''}`;
    }
    case 'survey_opted_out':
      return `${event.data.recipient} opted out of surveys`;
    case 'action_item_added':
      return `Action item added: ${event.data.description}`;
    case 'action_item_status':
      return `Action item ${lower(ITEM_STATUS_LABELS, event.data.to)}: ${event.data.description}`;
    case 'action_item_updated':
      return `Action item edited: ${event.data.description}`;
    case 'follow_up_scheduled':
      return `Follow-up scheduled: ${lower(FOLLOW_UP_KIND_LABELS, event.data.kind)}`;
    case 'follow_up_status':
      return `Follow-up ${lower(FOLLOW_UP_STATUS_LABELS, event.data.to)}: ${lower(FOLLOW_UP_KIND_LABELS, event.data.kind)}`;
    case 'follow_up_updated':
      return `Follow-up ${event.data.fromDueAt ? 'rescheduled' : 'edited'}: ${lower(FOLLOW_UP_KIND_LABELS, event.data.kind)}`;
    // Written by the worker's timer sweep (no actor) and by leads acknowledging it.
    case 'stall_at_risk':
      return `No activity for ${plural(event.data.days, 'day')}: at risk`;
    case 'escalated':
      return event.data.reason === 'first_response_overdue'
        ? 'Escalated: first response overdue'
        : `Escalated: no activity for ${plural(event.data.days ?? 0, 'day')}`;
    case 'escalation_acknowledged':
      return event.data.level === 'at_risk' ? 'At-risk warning acknowledged' : 'Escalation acknowledged';
    case 'reminder_sent': {
      const { to, actionItemId, reminder } = event.data;
      return `Reminder sent${to ? ` to ${to}` : ''}: ${actionItemId ? 'action item' : 'follow-up'} due ${reminder === 'due_today' ? 'today' : 'tomorrow'}`;
    }
    case 'message_sent':
      return `Email sent to ${event.data.to.join(', ')}`;
    case 'message_received': {
      const { from, viaStatusPage, autoReply } = event.data;
      if (viaStatusPage) return `${from ?? 'The requester'} added information on the status page`;
      return autoReply
        ? `${labelOf(AUTO_REPLY_LABELS, autoReply)} from ${from ?? 'an unknown sender'} (not counted as activity)`
        : `Reply from ${from ?? 'an unknown sender'}`;
    }
    case 'follow_up_missed':
      return `Follow-up missed: ${lower(FOLLOW_UP_KIND_LABELS, event.data.kind)}`;
    default:
      return unknownEvent(event);
  }
}

/** An event type newer than this build of the app (the API was deployed first): a neutral headline. */
function unknownEvent(_event: never): string {
  return 'Case updated';
}

/** A second line for events that carry more than their headline says. */
function detail(event: CaseEvent, lookup: Lookup): string | null {
  switch (event.type) {
    case 'assigned': {
      const moved = event.data.moved;
      if (!moved || (!moved.followUps && !moved.actionItems)) return null;
      return `Moved ${workWords(moved.followUps, moved.actionItems)} to ${staffName(lookup, event.data.to)}`;
    }
    case 'transition': {
      const { openWork, followUps = 0, actionItems = 0 } = event.data;
      if (!openWork || followUps + actionItems === 0) return null;
      const words = workWords(followUps, actionItems, 'open');
      return openWork === 'cancelled' ? `Cancelled ${words}` : `Kept ${words} (reminders continue)`;
    }
    case 'created':
      return event.data.title;
    case 'consultation_logged':
    case 'consultation_deleted':
      return `Held ${formatDateTime(event.data.startedAt)}`;
    case 'consultation_updated':
      return event.data.fields.length ? `Changed: ${event.data.fields.join(', ')}` : null;
    case 'attachment_added':
      // Staff uploads say who in the byline; a file from the clinic says how it came.
      return event.data.origin !== 'staff_upload' ? labelOf(ATTACHMENT_ORIGIN_LABELS, event.data.origin) : null;
    case 'plan_updated': {
      const { goals, removed } = event.data;
      return [goals.length ? `Goals: ${goals.join('; ')}` : 'No goals', removed.length ? `Removed: ${removed.join('; ')}` : '']
        .filter(Boolean)
        .join('. ');
    }
    case 'action_item_added':
      return event.data.dueDate ? `Due ${formatDate(event.data.dueDate)}` : null;
    case 'follow_up_scheduled':
    case 'follow_up_updated':
      return `Due ${formatDateTime(event.data.dueAt)}`;
    case 'escalated':
      return event.data.dueAt ? `The first response was due ${formatDateTime(event.data.dueAt)}` : null;
    case 'follow_up_missed':
      return `Was due ${formatDateTime(event.data.dueAt)}`;
    case 'escalation_acknowledged':
      return event.data.note ?? null;
    case 'assessment_invited':
      return event.data.invited.length ? `Invited: ${event.data.invited.join(', ')}` : null;
    case 'message_sent':
    case 'message_received':
      return event.data.subject || null;
    default:
      return null;
  }
}
