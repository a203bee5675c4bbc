import { Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { confirmIntensities, intensitySuggestionsQuery } from '../../api/intensity';
import { INTENSITY_LABELS, labelOf, STATUS_LABELS } from '../../api/labels';
import { plural } from '../../components/plural';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed, notifySaved } from '../../notify';

/**
 * Leads and admins: cases without an intensity tier, each with the tier its delivered TA suggests and why; tick the
 * ones that look right and confirm them in one go (a tier a consultant sets meanwhile is left alone).
 */
export function IntensityPage() {
  const client = useQueryClient();
  const list = useQuery(intensitySuggestionsQuery);
  const [chosen, setChosen] = useState<string[]>([]);
  const confirm = useMutation({
    mutationFn: () => confirmIntensities(chosen),
    onSuccess: async (result) => {
      notifySaved(`${plural(result.confirmed, 'case')} confirmed`);
      setChosen([]);
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: notifyFailed,
  });

  const rows = list.data ?? [];
  const all = rows.length > 0 && chosen.length === rows.length;
  return (
    <Stack>
      <Stack gap={0}>
        <Title order={2}>Intensity tiers to confirm</Title>
        <Text size="sm" c="dimmed">
          Universal: information only or one session under an hour. Targeted: up to 5 sessions and 10 hours. Intensive: more, or an action
          plan with 3 or more goals.
        </Text>
      </Stack>
      {list.isPending ? (
        <LoadingState label="Loading suggestions…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing to confirm">Every case has its intensity tier.</EmptyState>
      ) : (
        <>
          <Group>
            <Button onClick={() => confirm.mutate()} disabled={!chosen.length} loading={confirm.isPending}>
              Confirm {chosen.length ? plural(chosen.length, 'suggestion') : 'suggestions'}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label="Choose every case"
                      checked={all}
                      indeterminate={chosen.length > 0 && !all}
                      onChange={() => setChosen(all ? [] : rows.map((r) => r.caseId))}
                    />
                  </Table.Th>
                  <Table.Th>Case</Table.Th>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Consultant</Table.Th>
                  <Table.Th>Suggested tier</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.caseId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Choose ${r.reference}`}
                        checked={chosen.includes(r.caseId)}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setChosen((c) => (checked ? [...c, r.caseId] : c.filter((id) => id !== r.caseId)));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cases/${r.caseId}`}>
                        {r.reference}
                      </Anchor>{' '}
                      {r.title}
                    </Table.Td>
                    <Table.Td>{r.organizationName}</Table.Td>
                    <Table.Td>{labelOf(STATUS_LABELS, r.status)}</Table.Td>
                    <Table.Td>{r.consultantName ?? 'Unassigned'}</Table.Td>
                    <Table.Td fw={600}>{labelOf(INTENSITY_LABELS, r.suggested)}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
