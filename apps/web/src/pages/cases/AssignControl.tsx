import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { assignableStaff, staffQuery, type Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import { notifyFailed } from '../../notify';
import { canAssign } from './permissions';
import { useCaseChange } from './useCaseChange';

/** Leads and admins pick the assignee from the staff directory (GET /staff); everyone else sees who it is. */
export function AssignControl({ item, me }: { item: Case; me: Me }) {
  const staff = useQuery({ ...staffQuery, enabled: canAssign(me) });
  const assign = useCaseChange(
    item.id,
    (consultantId: string) => unwrap(api.POST('/api/v1/cases/{id}/assign', { params: { path: { id: item.id } }, body: { consultantId } })),
    (consultantId) => `${item.reference} is assigned to ${staff.data?.find((member) => member.id === consultantId)?.name ?? 'them'}`,
  );

  if (!canAssign(me))
    return (
      <Stack gap={0} align="flex-end">
        <Text size="xs" c="dimmed">
          Assignee
        </Text>
        <Text fw={500}>{item.assignee?.name ?? 'Unassigned'}</Text>
      </Stack>
    );

  const data = assignableStaff(staff.data).map((member) => ({ value: member.id, label: member.name }));
  // A former colleague stays visible as the current assignee until someone reassigns the case.
  if (item.assignee && !data.some((option) => option.value === item.assignee?.id))
    data.unshift({ value: item.assignee.id, label: item.assignee.name });

  return (
    <Select
      label="Assignee"
      placeholder={staff.isPending ? 'Loading staff…' : 'Unassigned'}
      data={data}
      value={item.assignee?.id ?? null}
      onChange={(consultantId) => consultantId && assign.mutate(consultantId, { onError: notifyFailed })}
      allowDeselect={false}
      searchable
      disabled={assign.isPending}
      error={staff.isError ? 'The staff list could not be loaded' : undefined}
      w={240}
    />
  );
}
