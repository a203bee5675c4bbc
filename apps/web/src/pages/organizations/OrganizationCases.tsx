import { Anchor, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { casesQuery } from '../../api/cases';
import { StatusBadge } from '../../components/badges';
import { RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';

const PAGE_SIZE = 10;

export function OrganizationCases({ organizationId }: { organizationId: string }) {
  const [page, setPage] = useState(1);
  const cases = useQuery({
    ...casesQuery({ organizationId, page, pageSize: PAGE_SIZE, sort: '-openedAt' }),
    placeholderData: keepPreviousData,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-cases-heading">
      <Stack>
        <Title order={3} size="h4" id="org-cases-heading">
          Cases
        </Title>
        {cases.isPending ? (
          <LoadingState label="Loading cases…" />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : cases.data.items.length === 0 ? (
          <EmptyState title="No cases yet">Open one with “New case” when this organization asks for help.</EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" aria-label="Cases of this organization">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reference</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Assignee</Table.Th>
                    <Table.Th>Last activity</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cases.data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {item.reference}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${item.id}`}>
                          {item.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={item.status} />
                      </Table.Td>
                      <Table.Td>{item.assignee?.name ?? 'Unassigned'}</Table.Td>
                      <Table.Td>
                        <RelativeTime iso={item.lastActivityAt} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {cases.data.total > PAGE_SIZE && (
              <Group justify="flex-end">
                <Pagination
                  total={Math.ceil(cases.data.total / PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': `${control} page of cases` })}
                />
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
