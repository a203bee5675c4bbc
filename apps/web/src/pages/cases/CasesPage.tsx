import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { assignableStaff, casesQuery, staffQuery, topicOptions, topicsQuery, type Case } from '../../api/cases';
import { GOAL_AREA_OPTIONS, PRIORITY_OPTIONS, REGION_OPTIONS, STALL_OPTIONS, STATUS_OPTIONS } from '../../api/labels';
import { useCurrentUser } from '../../auth/session';
import { PriorityBadge, StallBadge, StatusBadge } from '../../components/badges';
import { RelativeTime } from '../../components/dates';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { EmptyState, ErrorState, FiltersResetNotice, LoadingState } from '../../components/states';
import { ApiError } from '../../api/client';
import { staffLabelById, staffOptions } from '../../components/staffNames';
import { exportHref, PAGE_SIZE, toApiQuery, useCaseFilters, type CaseFilters } from './useCaseFilters';
import { MyCaseload } from '../../components/MyCaseloadCard';
import { plural } from '../../components/plural';

const SORT_OPTIONS: { value: CaseFilters['sort']; label: string }[] = [
  { value: '-lastActivityAt', label: 'Latest activity first' },
  { value: 'lastActivityAt', label: 'Oldest activity first' },
  { value: '-openedAt', label: 'Newest first' },
  { value: 'openedAt', label: 'Oldest first' },
  { value: '-priority', label: 'Highest priority first' },
  { value: 'priority', label: 'Lowest priority first' },
];

export function CasesPage() {
  const me = useCurrentUser();
  const { filters, update, clear, hasFilters, reset, dismissReset } = useCaseFilters(me);
  const title = filters.assigneeId === 'me' ? 'My cases' : filters.assigneeId === 'none' ? 'Unassigned cases' : 'Cases';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{title}</Title>
        <Group gap="xs">
          {/* Every case these filters match, not just this page. */}
          <Button component="a" href={exportHref(filters, me.centerTimeZone)} download variant="default">
            Export CSV
          </Button>
          <Button component={Link} to="/cases/new">
            New case
          </Button>
        </Group>
      </Group>
      {/* A consultant's home page: their caseload above their own cases, until they filter or page on. */}
      {me.role === 'consultant' && filters.assigneeId === 'me' && filters.page === 1 && !hasOtherFilters(filters) && <MyCaseload />}
      <FiltersResetNotice names={reset} onClose={dismissReset} />
      <CaseFiltersPanel filters={filters} update={update} clear={clear} hasFilters={hasFilters} />
      <CasesTable filters={filters} onPage={(page) => update({ page })} hasFilters={hasFilters} onClear={clear} />
    </Stack>
  );
}

function CaseFiltersPanel({
  filters,
  update,
  clear,
  hasFilters,
}: {
  filters: CaseFilters;
  update: (change: Partial<CaseFilters>) => void;
  clear: () => void;
  hasFilters: boolean;
}) {
  const topics = useQuery(topicsQuery);
  const staff = useQuery(staffQuery);
  const moreSet = !!(
    filters.organizationId ||
    filters.region ||
    filters.topic ||
    filters.goalArea ||
    filters.stallLevel.length ||
    filters.openedFrom ||
    filters.openedTo ||
    filters.sessionFrom ||
    filters.sessionTo
  );
  const [more, { toggle }] = useDisclosure(moreSet);
  // The search box types freely; the URL (and the query) follows once typing pauses.
  const [q, setQ] = useState(filters.q);
  const pushQ = useDebouncedCallback((value: string) => update({ q: value.trim() }), 350);

  const view = ['me', 'all', 'none'].includes(filters.assigneeId) ? filters.assigneeId : 'other';
  const assigneeData = [
    { value: 'all', label: 'Anyone' },
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...staffOptions(assignableStaff(staff.data)),
  ];

  return (
    <Paper withBorder p="md" component="section" aria-label="Filters">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(value) => value !== 'other' && update({ assigneeId: value })}
            data={[
              { value: 'me', label: 'My cases' },
              { value: 'all', label: 'All cases' },
              { value: 'none', label: 'Unassigned' },
              ...(view === 'other' ? [{ value: 'other', label: 'Other consultant' }] : []),
            ]}
          />
          <Group gap="xs">
            <Button variant="subtle" onClick={toggle} aria-expanded={more} aria-controls="more-case-filters">
              {more ? 'Fewer filters' : 'More filters'}
            </Button>
            {hasFilters && (
              <Button
                variant="default"
                onClick={() => {
                  setQ('');
                  clear();
                }}
              >
                Clear filters
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label="Search"
            placeholder="Reference, title, organization…"
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              pushQ(event.currentTarget.value);
            }}
          />
          <MultiSelect
            label="Status"
            placeholder={filters.status.length ? undefined : 'Any status'}
            data={STATUS_OPTIONS}
            value={filters.status}
            onChange={(status) => update({ status: status as CaseFilters['status'] })}
            clearable
          />
          <Select
            label="Assignee"
            data={assigneeData}
            value={filters.assigneeId}
            onChange={(value) => update({ assigneeId: value ?? 'all' })}
            allowDeselect={false}
            searchable
          />
          <Select
            label="Sort"
            data={SORT_OPTIONS}
            value={filters.sort}
            onChange={(value) => value && update({ sort: value as CaseFilters['sort'] })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Collapse expanded={more} id="more-case-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <MultiSelect
              label="Priority"
              placeholder={filters.priority.length ? undefined : 'Any priority'}
              data={PRIORITY_OPTIONS}
              value={filters.priority}
              onChange={(priority) => update({ priority: priority as CaseFilters['priority'] })}
              clearable
            />
            <MultiSelect
              label="Stall level"
              placeholder={filters.stallLevel.length ? undefined : 'Any'}
              data={STALL_OPTIONS}
              value={filters.stallLevel}
              onChange={(stallLevel) => update({ stallLevel: stallLevel as CaseFilters['stallLevel'] })}
              clearable
            />
            <OrganizationPicker
              label="Organization"
              placeholder="Any organization"
              value={filters.organizationId || null}
              onChange={(organizationId) => update({ organizationId: organizationId ?? '' })}
            />
            <Select
              label="OMH region"
              placeholder="Any region"
              data={REGION_OPTIONS}
              value={filters.region || null}
              onChange={(region) => update({ region: region ?? '' })}
              clearable
            />
            <Select
              label="Topic"
              placeholder="Any topic"
              data={topicOptions(topics.data)}
              value={filters.topic || null}
              onChange={(topic) => update({ topic: topic ?? '' })}
              searchable
              clearable
            />
            <Select
              label="Goal area"
              placeholder="Any goal area"
              data={GOAL_AREA_OPTIONS}
              value={filters.goalArea || null}
              onChange={(goalArea) => update({ goalArea: goalArea ?? '' })}
              clearable
            />
            <TextInput
              label="Opened from"
              type="date"
              value={filters.openedFrom}
              onChange={(event) => update({ openedFrom: event.currentTarget.value })}
            />
            <TextInput
              label="Opened to"
              type="date"
              value={filters.openedTo}
              onChange={(event) => update({ openedTo: event.currentTarget.value })}
            />
            <TextInput
              label="Session held from"
              type="date"
              value={filters.sessionFrom}
              onChange={(event) => update({ sessionFrom: event.currentTarget.value })}
            />
            <TextInput
              label="Session held to"
              type="date"
              value={filters.sessionTo}
              onChange={(event) => update({ sessionTo: event.currentTarget.value })}
            />
          </SimpleGrid>
        </Collapse>
      </Stack>
    </Paper>
  );
}

function CasesTable({
  filters,
  onPage,
  hasFilters,
  onClear,
}: {
  filters: CaseFilters;
  onPage: (page: number) => void;
  hasFilters: boolean;
  onClear: () => void;
}) {
  const { centerTimeZone } = useCurrentUser();
  const cases = useQuery({ ...casesQuery(toApiQuery(filters, centerTimeZone)), placeholderData: keepPreviousData });

  if (cases.isPending) return <LoadingState label="Loading cases…" />;
  // A filter the checks let through but the API refused (a topic since retired): offer a clean list, not its wording.
  if (cases.isError && cases.error instanceof ApiError && cases.error.status === 400)
    return (
      <EmptyState title="These filters cannot be applied">
        One of the filters in this address is no longer valid.{' '}
        <Anchor component="button" type="button" onClick={onClear}>
          Clear the filters
        </Anchor>
      </EmptyState>
    );
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  const { items, total } = cases.data;
  if (items.length === 0) {
    const onlyMine = filters.assigneeId === 'me' && !hasOtherFilters(filters);
    if (onlyMine)
      return (
        <EmptyState title="Nothing assigned to you yet">
          Cases assigned to you show up here. Look at all cases or the unassigned ones to pick one up.
        </EmptyState>
      );
    return (
      <EmptyState title={hasFilters ? 'No matches' : 'No cases yet'}>
        {hasFilters ? 'Nothing matches these filters. Widen them, or clear them.' : 'Open a case with “New case”.'}
      </EmptyState>
    );
  }

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={cases.isFetching} aria-label="Cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Assignee</Table.Th>
              <Table.Th>Last activity</Table.Th>
              <Table.Th>Stall</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <CaseRow key={item.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {plural(total, 'case')}
        </Text>
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={filters.page}
          onChange={onPage}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      </Group>
    </Stack>
  );
}

function CaseRow({ item }: { item: Case }) {
  const staff = useQuery(staffQuery);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {item.reference}
        </Text>
      </Table.Td>
      <Table.Td>{item.organization.name}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/cases/${item.id}${item.newReply ? '?tab=conversation' : ''}`} fw={500}>
          {item.title}
        </Anchor>
        {item.newReply && (
          <Badge ml="xs" size="sm" color="grape" variant="filled">
            New reply
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={item.priority} />
      </Table.Td>
      <Table.Td>
        {(item.assignee && staffLabelById(staff.data, item.assignee.id, item.assignee.name)) ?? (
          <Text size="sm" c="dimmed">
            Unassigned
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={item.lastActivityAt} />
      </Table.Td>
      <Table.Td>
        <StallBadge level={item.stallLevel} />
      </Table.Td>
    </Table.Tr>
  );
}

function hasOtherFilters(filters: CaseFilters): boolean {
  return !!(
    filters.status.length ||
    filters.priority.length ||
    filters.stallLevel.length ||
    filters.organizationId ||
    filters.region ||
    filters.topic ||
    filters.goalArea ||
    filters.q ||
    filters.openedFrom ||
    filters.openedTo ||
    filters.sessionFrom ||
    filters.sessionTo
  );
}
