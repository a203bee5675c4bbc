import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Popover,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { assignableStaff, invalidateCase, staffQuery, type StaffMember } from '../../api/cases';
import { acknowledgeEscalation, assignCase, escalationsQuery, type Escalation } from '../../api/escalations';
import { StallBadge } from '../../components/badges';
import { RelativeTime } from '../../components/dates';
import { plural } from '../../components/plural';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { staffLabelById, staffOptions } from '../../components/staffNames';
import { notifyFailed, notifySaved } from '../../notify';

/** The sweep runs every few minutes; a minute's polling keeps an open page current without a reload. */
const REFRESH_MS = 60_000;

/** Leads and admins: the cases the timers flagged, escalated first, with why, since when, and what to do about it. */
export function EscalationsPage() {
  const escalations = useQuery({ ...escalationsQuery, refetchInterval: REFRESH_MS });

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>Escalations</Title>
        <Text c="dimmed" size="sm">
          Active cases with no activity for too long, and requests still waiting for a first response. Acknowledge one to show you have
          taken it on, or reassign it. A case leaves this list once someone works on it. The list refreshes every minute.
        </Text>
      </Stack>
      {escalations.isPending ? (
        <LoadingState label="Loading escalations…" />
      ) : escalations.isError ? (
        <ErrorState error={escalations.error} onRetry={() => void escalations.refetch()} />
      ) : escalations.data.length === 0 ? (
        <EmptyState title="Nothing is stalled">
          Every open case has had recent activity, and every request has had a first response.
        </EmptyState>
      ) : (
        <EscalationsTable items={escalations.data} fetching={escalations.isFetching} />
      )}
    </Stack>
  );
}

/** Below this width (phones, tablets, a narrow window beside the navigation) each escalation is a card. */
const CARDS_BELOW = '(max-width: 74.99em)';

function EscalationsTable({ items, fetching }: { items: Escalation[]; fetching: boolean }) {
  const staff = useQuery(staffQuery);
  const cards = useMediaQuery(CARDS_BELOW, false, { getInitialValueInEffect: false });
  const escalated = items.filter((item) => item.stallLevel === 'escalated').length;
  const atRisk = items.length - escalated;

  return (
    <Stack gap="sm">
      {cards ? (
        <Stack gap="sm" aria-busy={fetching} role="list" aria-label="Escalated and at-risk cases">
          {items.map((item) => (
            <EscalationCard key={item.caseId} item={item} staff={staff.data} staffError={staff.isError} />
          ))}
        </Stack>
      ) : (
        // Five columns that fit beside the navigation at 1280 px, the actions column included.
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm" aria-busy={fetching} aria-label="Escalated and at-risk cases">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Assignee</Table.Th>
                <Table.Th>Acknowledged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <EscalationRow key={item.caseId} item={item} staff={staff.data} staffError={staff.isError} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">
        {plural(escalated, 'case')} escalated · {atRisk} at risk
      </Text>
    </Stack>
  );
}

interface RowProps {
  item: Escalation;
  staff?: StaffMember[];
  staffError: boolean;
}

/** Acknowledge and reassign, shared by the table row and the card. */
function useEscalationActions(item: Escalation, staff: StaffMember[] | undefined) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['escalations'] }), invalidateCase(queryClient, item.caseId)]);

  const acknowledge = useMutation({
    mutationFn: (note?: string) => acknowledgeEscalation(item.caseId, note),
    onSuccess: async () => {
      notifications.show({ color: 'teal', title: 'Acknowledged', message: `${item.reference} is acknowledged` });
      await refresh();
    },
    onError: notifyFailed,
  });
  const reassign = useMutation({
    mutationFn: ({ consultantId, moveOpenWork }: { consultantId: string; moveOpenWork: boolean }) =>
      assignCase(item.caseId, consultantId, moveOpenWork),
    onSuccess: async (_result, { consultantId }) => {
      notifySaved(`${item.reference} is assigned to ${staffLabelById(staff, consultantId, 'them')}`);
      await refresh();
    },
    onError: notifyFailed,
  });
  return { acknowledge, reassign };
}

function EscalationRow({ item, staff, staffError }: RowProps) {
  const { acknowledge, reassign } = useEscalationActions(item, staff);
  return (
    <Table.Tr>
      <Table.Td maw={300}>
        <CaseTitle item={item} />
      </Table.Td>
      <Table.Td>
        <Level item={item} />
      </Table.Td>
      <Table.Td miw={160}>
        <Why item={item} />
      </Table.Td>
      <Table.Td w={210}>
        <Reassign item={item} staff={staff} staffError={staffError} reassign={reassign} />
      </Table.Td>
      <Table.Td w={180}>
        <Acknowledgement item={item} acknowledge={acknowledge} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The same escalation on a narrow screen: one card, its actions at the foot. */
function EscalationCard({ item, staff, staffError }: RowProps) {
  const { acknowledge, reassign } = useEscalationActions(item, staff);
  return (
    <Paper withBorder p="sm" role="listitem" aria-label={`${item.reference} ${item.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box miw={0}>
            <CaseTitle item={item} />
          </Box>
          <Level item={item} />
        </Group>
        <Why item={item} />
        <Group align="flex-start" justify="space-between" gap="sm">
          <Reassign item={item} staff={staff} staffError={staffError} reassign={reassign} />
          <Acknowledgement item={item} acknowledge={acknowledge} />
        </Group>
      </Stack>
    </Paper>
  );
}

function CaseTitle({ item }: { item: Escalation }) {
  return (
    <>
      <Anchor component={Link} to={`/cases/${item.caseId}`} ff="monospace" size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {item.reference}
      </Anchor>
      <Text size="sm" lineClamp={2} title={item.title}>
        {item.title}
      </Text>
      <Text size="xs" c="dimmed">
        {item.organization.name}
      </Text>
    </>
  );
}

function Level({ item }: { item: Escalation }) {
  return (
    <Stack gap={2} align="flex-start" style={{ flexShrink: 0 }}>
      <StallBadge level={item.stallLevel} />
      {item.since && (
        <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Text size="xs" c="dimmed">
            since
          </Text>
          <RelativeTime iso={item.since} size="xs" />
        </Group>
      )}
    </Stack>
  );
}

function Why({ item }: { item: Escalation }) {
  return (
    <Stack gap={2}>
      <Text size="sm">{item.reason}</Text>
      <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
        <Text size="xs" c="dimmed">
          Last activity
        </Text>
        <RelativeTime iso={item.lastActivityAt} size="xs" />
      </Group>
    </Stack>
  );
}

function Reassign({ item, staff, staffError, reassign }: RowProps & { reassign: ReturnType<typeof useEscalationActions>['reassign'] }) {
  const [search, setSearch] = useState('');
  // As on the case page: the current assignee's open follow-ups and action items go along unless unticked.
  const [moveOpenWork, setMoveOpenWork] = useState(true);
  return (
    <Stack gap={6} align="flex-start">
      {item.assignee ? <Text size="sm">{staffLabelById(staff, item.assignee.id, item.assignee.name)}</Text> : <Dimmed>Unassigned</Dimmed>}
      <Select
        aria-label={`Reassign ${item.reference}`}
        placeholder={staffError ? 'Staff unavailable' : 'Reassign to…'}
        data={reassignOptions(staff, item.assignee?.id)}
        value={null}
        onChange={(consultantId) => {
          setSearch('');
          if (consultantId) reassign.mutate({ consultantId, moveOpenWork: !!item.assignee && moveOpenWork });
        }}
        searchValue={search}
        onSearchChange={setSearch}
        disabled={reassign.isPending || staffError}
        searchable
        size="xs"
        w={190}
        comboboxProps={{ width: 260, position: 'bottom-start' }}
      />
      {item.assignee && (
        <Checkbox
          size="xs"
          maw={200}
          label="Move open follow-ups and action items"
          aria-label={`Move open follow-ups and action items of ${item.reference}`}
          checked={moveOpenWork}
          onChange={(event) => setMoveOpenWork(event.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}

function Acknowledgement({ item, acknowledge }: { item: Escalation; acknowledge: ReturnType<typeof useEscalationActions>['acknowledge'] }) {
  if (item.acknowledgedAt)
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="teal.9" styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}>
          Acknowledged
        </Badge>
        <RelativeTime iso={item.acknowledgedAt} size="xs" />
      </Stack>
    );
  return (
    <Group gap={0} wrap="nowrap">
      <Button size="xs" variant="light" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(undefined)}>
        Acknowledge
        <VisuallyHidden> {item.reference}</VisuallyHidden>
      </Button>
      <AcknowledgeWithNote reference={item.reference} loading={acknowledge.isPending} onAcknowledge={(note) => acknowledge.mutate(note)} />
    </Group>
  );
}

/** One click acknowledges; this small form is for a lead who wants to say what they will do about it. */
function AcknowledgeWithNote({
  reference,
  loading,
  onAcknowledge,
}: {
  reference: string;
  loading: boolean;
  onAcknowledge: (note: string) => void;
}) {
  const [opened, { close, toggle }] = useDisclosure();
  const [note, setNote] = useState('');

  return (
    <Popover opened={opened} onChange={(next) => !next && close()} trapFocus position="bottom-end" width={300} withArrow shadow="md">
      <Popover.Target>
        <Button size="xs" variant="subtle" px={6} onClick={toggle} aria-expanded={opened}>
          Note…
          <VisuallyHidden> Acknowledge {reference} with a note</VisuallyHidden>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onAcknowledge(note.trim());
            close();
            setNote('');
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={`Note on ${reference}`}
              description="Added to the case's timeline"
              maxLength={1000}
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={loading}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Active consultants and leads, grouped, without the one who has the case now. */
function reassignOptions(staff: StaffMember[] | undefined, currentId: string | undefined) {
  const others = assignableStaff(staff).filter((member) => member.id !== currentId);
  const group = (role: StaffMember['role']) => staffOptions(others.filter((member) => member.role === role));
  return [
    { group: 'Consultants', items: group('consultant') },
    { group: 'Program leads', items: group('lead') },
  ].filter((entry) => entry.items.length > 0);
}
