import { Button, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { assignableStaff, staffQuery, type Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import { staffLabel, staffLabelById } from '../../components/staffNames';
import { notifyClaimFailed, notifyFailed } from '../../notify';
import { useOpenWork, workWords } from './openWork';
import { canAssign, canClaim } from './permissions';
import { useCaseChange } from '../../api/caseChange';

/**
 * Leads and admins pick the assignee from the staff directory (GET /staff), moving the previous assignee's open
 * follow-ups and action items along unless told not to; everyone else sees who it is. Nobody's request yet: a
 * consultant or lead may take it ("Assign to me", POST /cases/:id/claim).
 */
export function AssignControl({ item, me }: { item: Case; me: Me }) {
  const staff = useQuery(staffQuery);
  const [moveOpenWork, setMoveOpenWork] = useState(true);
  const work = useOpenWork(item.id, { enabled: canAssign(me) && !!item.assignee, ofUserId: item.assignee?.id });
  const assign = useCaseChange(
    item.id,
    ({ consultantId, moveOpenWork }: { consultantId: string; moveOpenWork: boolean }) =>
      unwrap(api.POST('/api/v1/cases/{id}/assign', { params: { path: { id: item.id } }, body: { consultantId, moveOpenWork } })),
    ({ consultantId }) => `${item.reference} is assigned to ${staffLabelById(staff.data, consultantId, 'them')}`,
  );
  const claim = useCaseChange(
    item.id,
    () => unwrap(api.POST('/api/v1/cases/{id}/claim', { params: { path: { id: item.id } } })),
    () => `${item.reference} is yours now`,
  );
  // A 409 names whoever took it first; useCaseChange has already reloaded the case.
  const claimButton = canClaim(item, me) && (
    <Button size="xs" variant="light" loading={claim.isPending} onClick={() => claim.mutate(undefined, { onError: notifyClaimFailed })}>
      Assign to me
    </Button>
  );

  if (!canAssign(me))
    return (
      <Stack gap={4} align="flex-end">
        <Text size="xs" c="dimmed">
          Assignee
        </Text>
        <Text fw={500}>{item.assignee ? staffLabelById(staff.data, item.assignee.id, item.assignee.name) : 'Unassigned'}</Text>
        {claimButton}
      </Stack>
    );

  const data = assignableStaff(staff.data).map((member) => ({ value: member.id, label: staffLabel(member) }));
  // A former colleague stays visible as the current assignee until someone reassigns the case.
  if (item.assignee && !data.some((option) => option.value === item.assignee?.id))
    data.unshift({ value: item.assignee.id, label: item.assignee.name });
  const counts = work.known ? ` (${workWords(work.followUps.length, work.actionItems.length)})` : '';

  return (
    <Stack gap={6} w={300}>
      <Select
        label="Assignee"
        placeholder={staff.isPending ? 'Loading staff…' : 'Unassigned'}
        data={data}
        value={item.assignee?.id ?? null}
        onChange={(consultantId) =>
          consultantId &&
          consultantId !== item.assignee?.id &&
          assign.mutate({ consultantId, moveOpenWork: !!item.assignee && moveOpenWork }, { onError: notifyFailed })
        }
        allowDeselect={false}
        searchable
        disabled={assign.isPending}
        error={staff.isError ? 'The staff list could not be loaded' : undefined}
      />
      {item.assignee && (
        <Checkbox
          size="xs"
          label={`Move open follow-ups and action items${counts}`}
          description={`Those of ${staffLabelById(staff.data, item.assignee.id, item.assignee.name)} go to the new assignee`}
          checked={moveOpenWork}
          onChange={(event) => setMoveOpenWork(event.currentTarget.checked)}
        />
      )}
      {claimButton}
    </Stack>
  );
}
