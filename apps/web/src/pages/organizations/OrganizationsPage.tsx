import { Anchor, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  KIND_LABELS,
  KIND_OPTIONS,
  labelOf,
  REGION_LABELS,
  REGION_OPTIONS,
  STAGE_LABELS,
  STAGE_OPTIONS,
  type OrganizationKind,
  type Region,
  type Stage,
} from '../../api/labels';
import { organizationsQuery, type OrganizationListQuery } from '../../api/organizations';
import { EmptyState, ErrorState, FiltersResetNotice, LoadingState } from '../../components/states';
import { oneOf, positiveInteger, useResetInvalidParams, withoutInvalid, type ParamCheck } from '../../components/urlFilters';
import { NewOrganizationModal } from './NewOrganizationModal';
import { plural } from '../../components/plural';

const PAGE_SIZE = 25;

const ORGANIZATION_CHECKS: Record<string, ParamCheck> = {
  region: { label: 'Region', valid: oneOf(Object.keys(REGION_LABELS)) },
  stage: { label: 'Stage', valid: oneOf(Object.keys(STAGE_LABELS)) },
  kind: { label: 'Kind', valid: oneOf(Object.keys(KIND_LABELS)) },
  q: { label: 'Search', valid: (value) => value.length <= 200 },
  page: { label: 'Page', valid: positiveInteger },
};

export function OrganizationsPage() {
  const [creating, { open, close }] = useDisclosure();
  const [address, setParams] = useSearchParams();
  // A stale bookmark's unknown region, stage or kind is reset with a notice instead of the API's validation message.
  const { reset, dismiss, bad } = useResetInvalidParams(address, setParams, ORGANIZATION_CHECKS);
  const params = withoutInvalid(address, bad);
  const [q, setQ] = useState(params.get('q') ?? '');
  const page = Math.max(1, Number(params.get('page')) || 1);

  function set(name: string, value: string | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name === 'q' },
    );
  }
  const pushQ = useDebouncedCallback((value: string) => set('q', value.trim()), 300);

  const query: OrganizationListQuery = {
    page,
    pageSize: PAGE_SIZE,
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
    ...(params.get('region') ? { region: params.get('region') as Region } : {}),
    ...(params.get('stage') ? { stage: params.get('stage') as Stage } : {}),
    ...(params.get('kind') ? { kind: params.get('kind') as OrganizationKind } : {}),
  };
  const organizations = useQuery({ ...organizationsQuery(query), placeholderData: keepPreviousData });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Organizations</Title>
        <Button onClick={open}>New organization</Button>
      </Group>
      <FiltersResetNotice names={reset} onClose={dismiss} />
      <NewOrganizationModal opened={creating} onClose={close} />
      <Paper withBorder p="md" component="section" aria-label="Filters">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label="Search"
            type="search"
            placeholder="Organization name"
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              pushQ(event.currentTarget.value);
            }}
          />
          <Select
            label="Region"
            placeholder="Any region"
            data={REGION_OPTIONS}
            value={params.get('region')}
            onChange={(value) => set('region', value)}
            clearable
          />
          <Select
            label="Stage"
            placeholder="Any stage"
            data={STAGE_OPTIONS}
            value={params.get('stage')}
            onChange={(value) => set('stage', value)}
            clearable
          />
          <Select
            label="Kind"
            placeholder="Any kind"
            data={KIND_OPTIONS}
            value={params.get('kind')}
            onChange={(value) => set('kind', value)}
            clearable
          />
        </SimpleGrid>
      </Paper>
      {organizations.isPending ? (
        <LoadingState label="Loading organizations…" />
      ) : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.items.length === 0 ? (
        <EmptyState title="No organizations found">
          {params.toString() ? 'Nothing matches; try another spelling or fewer filters.' : 'Add the first one with “New organization”.'}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={organizations.isFetching} aria-label="Organizations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Region</Table.Th>
                  <Table.Th>County</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>
                    <abbr title="Peer specialists / youth peer advocates / family peer advocates">NYCPS / YPA / FPA</abbr>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organizations.data.items.map((org) => (
                  <Table.Tr key={org.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/organizations/${org.id}`} fw={500}>
                        {org.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labelOf(KIND_LABELS, org.kind)}</Table.Td>
                    <Table.Td>{labelOf(REGION_LABELS, org.region)}</Table.Td>
                    <Table.Td>{org.county}</Table.Td>
                    <Table.Td>{labelOf(STAGE_LABELS, org.stage)}</Table.Td>
                    <Table.Td>
                      {org.peerWorkforce.nycps} / {org.peerWorkforce.ypa} / {org.peerWorkforce.fpa}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {plural(organizations.data.total, 'organization')}
            </Text>
            <Pagination
              total={Math.ceil(organizations.data.total / PAGE_SIZE)}
              value={page}
              onChange={(next) => set('page', String(next))}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            />
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
