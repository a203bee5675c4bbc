import { Alert, Button, Group, List, Modal, Radio, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { assignableStaff, staffQuery } from '../../api/cases';
import { api, unwrap, type User } from '../../api/client';
import { notifyFailed, notifySaved } from '../../notify';
import { useUpdateUser } from './useUpdateUser';
import { plural } from '../../components/plural';

const OPEN_STATUSES = ['new', 'triaged', 'active', 'on_hold'] as const;
const PAGE = 100;

/** Every open case assigned to the user, page by page (a consultant rarely has more than one page). */
async function openCasesOf(userId: string) {
  const cases: Array<{ id: string; reference: string; title: string }> = [];
  for (let page = 1; ; page++) {
    const result = await unwrap(
      api.GET('/api/v1/cases', { params: { query: { assigneeId: userId, status: [...OPEN_STATUSES], page, pageSize: PAGE } } }),
    );
    cases.push(...result.items);
    if (page * PAGE >= result.total) return cases;
  }
}

/**
 * Deactivating someone who still has open cases asks what happens to them: reassigned to a colleague (their open
 * follow-ups and action items move too), or left with them for a lead to hand over later.
 */
export function DeactivateUserButton({ user, disabled }: { user: User; disabled: boolean }) {
  const [asking, setAsking] = useState(false);
  const update = useUpdateUser();
  const openCases = useQuery({ queryKey: ['cases', 'list', 'open-of', user.id], queryFn: () => openCasesOf(user.id), enabled: asking });
  const deactivate = () =>
    update.mutate(
      { user, change: { active: false }, saved: `${user.name} is deactivated and signed out` },
      { onSuccess: () => setAsking(false) },
    );

  return (
    <>
      <Button size="xs" variant="light" color="red" disabled={disabled} loading={update.isPending} onClick={() => setAsking(true)}>
        Deactivate
        <VisuallyHidden> {user.name}</VisuallyHidden>
      </Button>
      {asking && (
        <Modal opened onClose={() => setAsking(false)} title={`Deactivate ${user.name}?`}>
          {openCases.isPending ? (
            <Text size="sm">Looking up their open cases…</Text>
          ) : openCases.isError ? (
            <Alert color="red" role="alert">
              {openCases.error.message}
            </Alert>
          ) : (
            <DeactivateForm
              user={user}
              cases={openCases.data}
              onCancel={() => setAsking(false)}
              onDeactivate={deactivate}
              pending={update.isPending}
            />
          )}
        </Modal>
      )}
    </>
  );
}

function DeactivateForm({
  user,
  cases,
  onCancel,
  onDeactivate,
  pending,
}: {
  user: User;
  cases: Array<{ id: string; reference: string; title: string }>;
  onCancel: () => void;
  onDeactivate: () => void;
  pending: boolean;
}) {
  const queryClient = useQueryClient();
  const staff = useQuery({ ...staffQuery, enabled: cases.length > 0 });
  const [choice, setChoice] = useState<'reassign' | 'leave'>('reassign');
  const [to, setTo] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const reassign = useMutation({
    mutationFn: async (consultantId: string) => {
      for (const item of cases) {
        await unwrap(api.POST('/api/v1/cases/{id}/assign', { params: { path: { id: item.id } }, body: { consultantId } }));
      }
    },
    onSuccess: async () => {
      notifySaved(`${plural(cases.length, 'case')} reassigned`);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      onDeactivate();
    },
    onError: notifyFailed,
  });
  const colleagues = assignableStaff(staff.data)
    .filter((member) => member.id !== user.id)
    .map((member) => ({ value: member.id, label: member.name }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (cases.length === 0 || choice === 'leave') return onDeactivate();
        if (!to) return setMissing(true);
        reassign.mutate(to);
      }}
    >
      <Stack>
        <Text size="sm">They are signed out at once and can no longer sign in; you can reactivate them later.</Text>
        {cases.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {user.name} has {plural(cases.length, 'open case')}:
            </Text>
            <List size="sm" spacing={2}>
              {cases.slice(0, 5).map((item) => (
                <List.Item key={item.id}>
                  {item.reference} · {item.title}
                </List.Item>
              ))}
              {cases.length > 5 && <List.Item>and {cases.length - 5} more</List.Item>}
            </List>
            <Radio.Group label="What happens to them?" value={choice} onChange={(value) => setChoice(value as 'reassign' | 'leave')}>
              <Stack gap="xs" mt="xs">
                <Radio value="reassign" label="Reassign them, with their open follow-ups and action items, to" />
                <Select
                  aria-label="Reassign to"
                  placeholder={staff.isPending ? 'Loading staff…' : 'Choose a colleague'}
                  data={colleagues}
                  value={to}
                  onChange={(value) => {
                    setTo(value);
                    setMissing(false);
                  }}
                  disabled={choice !== 'reassign'}
                  error={missing ? 'Choose who takes them over' : undefined}
                  searchable
                  ml="xl"
                />
                <Radio value="leave" label="Leave them assigned for now (a lead reassigns them later)" />
              </Stack>
            </Radio.Group>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red.8" loading={pending || reassign.isPending}>
            Deactivate {user.name}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
