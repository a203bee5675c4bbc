import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { isNotEmpty, useForm, type UseFormReturnType } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { staffQuery, type Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import {
  actionPlanQuery,
  type ActionItem,
  type ActionPlan,
  type CreateActionItemBody,
  type Goal,
  type UpdateActionItemBody,
} from '../../api/engagement';
import {
  GOAL_AREA_LABELS,
  GOAL_AREA_OPTIONS,
  ITEM_STATUS_LABELS,
  ITEM_STATUS_OPTIONS,
  labelOf,
  type ActionItemStatus,
  type GoalArea,
} from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { formatDate } from '../../components/dates';
import { GuardedModal, ModalActions } from '../../components/GuardedModal';
import { plural } from '../../components/plural';
import { showApiError } from '../../components/forms';
import { staffLabelById, staffOptions } from '../../components/staffNames';
import { ProgressBar } from '../../components/ProgressBar';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed } from '../../notify';
import { canEditCase } from './permissions';
import { SuggestedGoals } from './SuggestedGoals';
import { useCaseChange } from '../../api/caseChange';

export function ActionPlanTab({ item, me }: { item: Case; me: Me }) {
  const plan = useQuery(actionPlanQuery(item.id));
  const [editingGoals, setEditingGoals] = useState(false);
  const editable = canEditCase(item, me);

  if (plan.isPending) return <LoadingState label="Loading action plan…" />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const { goals, progress } = plan.data;
  const cancelledCount = goals.flatMap((goal) => goal.items).filter((action) => action.status === 'cancelled').length;

  return (
    <Stack>
      <SuggestedGoals item={item} editable={editable} goalTitles={goals.map((goal) => goal.title)} />
      <Group justify="space-between">
        <Title order={3} size="h4">
          Action plan
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/cases/${item.id}/plan/print`} target="_blank" variant="default">
            Printable plan
          </Button>
          {editable && !editingGoals && (
            <Button variant="light" onClick={() => setEditingGoals(true)}>
              {goals.length ? 'Edit goals' : 'Add goals'}
            </Button>
          )}
        </Group>
      </Group>
      {editingGoals ? (
        <GoalsEditor item={item} plan={plan.data} onDone={() => setEditingGoals(false)} />
      ) : goals.length === 0 ? (
        <EmptyState title="No action plan yet">
          Agree goals with the clinic, then add action items under each. Next steps logged with a session can become items too.
        </EmptyState>
      ) : (
        <>
          <Paper withBorder p="md">
            <ProgressBar label="Overall progress" {...progress} size="lg" />
            {cancelledCount > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {plural(cancelledCount, 'cancelled item')}, not counted in progress
              </Text>
            )}
          </Paper>
          {goals.map((goal) => (
            <GoalCard key={goal.id} item={item} goal={goal} editable={editable} />
          ))}
        </>
      )}
    </Stack>
  );
}

function GoalCard({ item, goal, editable }: { item: Case; goal: Goal; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-label={`Goal: ${goal.title}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={4} size="h5">
              {goal.title}
            </Title>
            <Badge variant="outline" color="indigo.8" size="sm">
              {labelOf(GOAL_AREA_LABELS, goal.goalArea)}
            </Badge>
          </Stack>
          {editable && !adding && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Add item<VisuallyHidden> to {goal.title}</VisuallyHidden>
            </Button>
          )}
        </Group>
        <ProgressBar label={`Progress of ${goal.title}`} {...goal.progress} size="sm" />
        {goal.items.length > 0 ? (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th w={170}>Status</Table.Th>
                  {editable && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {goal.items.map((action) => (
                  <ItemRow key={action.id} item={item} action={action} editable={editable} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            No action items under this goal yet.
          </Text>
        )}
        {adding && <AddItemForm item={item} goal={goal} onDone={() => setAdding(false)} />}
      </Stack>
    </Paper>
  );
}

function ItemRow({ item, action, editable }: { item: Case; action: ActionItem; editable: boolean }) {
  const staff = useQuery(staffQuery);
  const cancelled = action.status === 'cancelled';
  const update = useCaseChange(
    item.id,
    (status: ActionItemStatus) => unwrap(api.PATCH('/api/v1/action-items/{id}', { params: { path: { id: action.id } }, body: { status } })),
    (status) => `“${action.description}” is ${labelOf(ITEM_STATUS_LABELS, status).toLowerCase()}`,
  );
  return (
    <Table.Tr>
      <Table.Td>
        {cancelled ? (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" td="line-through" c="dimmed">
              {action.description}
            </Text>
            <Badge size="sm" color="gray.7">
              Cancelled
            </Badge>
          </Group>
        ) : (
          action.description
        )}
      </Table.Td>
      <Table.Td>
        {action.owner.type === 'user' ? staffLabelById(staff.data, action.owner.id, action.owner.name) : action.owner.name}
        {action.owner.type === 'contact' && (
          <Text span size="xs" c="dimmed">
            {' '}
            (clinic)
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{action.dueDate ? formatDate(action.dueDate) : '—'}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Status of ${action.description}`}
          data={ITEM_STATUS_OPTIONS}
          value={action.status}
          allowDeselect={false}
          disabled={!editable || update.isPending}
          onChange={(status) => status && status !== action.status && update.mutate(status as ActionItemStatus, { onError: notifyFailed })}
          size="xs"
        />
      </Table.Td>
      {editable && (
        <Table.Td>
          <EditItemButton item={item} action={action} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Edits an item's description, owner and due date in a dialog (its status changes in the row). */
function EditItemButton({ item, action }: { item: Case; action: ActionItem }) {
  const [opened, { open, close }] = useDisclosure(false);
  const initialValues = (): ItemValues => ({
    description: action.description,
    owner: `${action.owner.type}:${action.owner.id}`,
    dueDate: action.dueDate ?? '',
  });
  const form = useForm<ItemValues>({ initialValues: initialValues(), validate: itemValidation });
  const edit = useCaseChange(
    item.id,
    (body: UpdateActionItemBody) => unwrap(api.PATCH('/api/v1/action-items/{id}', { params: { path: { id: action.id } }, body })),
    (body) => `“${body.description ?? action.description}” is saved`,
  );

  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          form.setValues(initialValues());
          form.resetDirty(initialValues());
          open();
        }}
        aria-label={`Edit ${action.description}`}
      >
        Edit
      </Button>
      <GuardedModal opened={opened} onClose={close} dirty={form.isDirty()} title="Edit action item">
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            edit.mutate(
              {
                description: values.description,
                // Sent only when changed: an owner since deactivated stays the owner of what they had.
                ...(values.owner !== initialValues().owner ? ownerOf(values.owner) : {}),
                dueDate: values.dueDate || null,
              },
              { onSuccess: close, onError: (error) => showApiError(form, error, itemField) },
            ),
          )}
        >
          <Stack gap="sm">
            <ItemFields item={item} form={form} ownerRequired />
            <ModalActions onCancel={close} submitLabel="Save" saving={edit.isPending} />
          </Stack>
        </form>
      </GuardedModal>
    </>
  );
}

interface ItemValues {
  description: string;
  /** `user:<id>` or `contact:<id>`; empty for "you" when adding. */
  owner: string;
  dueDate: string;
}

const itemValidation = { description: isNotEmpty('Describe the action') };
const itemField = (field: string) => (field.startsWith('owner') ? 'owner' : field);

function ownerOf(owner: string): { ownerUserId?: string; ownerContactId?: string } {
  const [type, id] = owner.split(':');
  if (!id) return {};
  return type === 'contact' ? { ownerContactId: id } : { ownerUserId: id };
}

/** An action item's fields: the action, its owner (staff or one of the clinic's contacts) and due date. */
function ItemFields({ item, form, ownerRequired = false }: { item: Case; form: UseFormReturnType<ItemValues>; ownerRequired?: boolean }) {
  const staff = useQuery(staffQuery);
  const contacts = useQuery(contactsQuery(item.organization.id));
  const ownerOptions = [
    { group: 'TA Desk staff', items: staffOptions(staff.data, (member) => `user:${member.id}`) },
    { group: 'Clinic contacts', items: (contacts.data ?? []).map((contact) => ({ value: `contact:${contact.id}`, label: contact.name })) },
  ];
  return (
    <>
      <TextInput label="Action" required data-autofocus {...form.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Owner"
          description={ownerRequired ? undefined : 'Defaults to you'}
          data={ownerOptions}
          searchable
          clearable={!ownerRequired}
          allowDeselect={!ownerRequired}
          {...form.getInputProps('owner')}
        />
        <TextInput label="Due date" type="date" {...form.getInputProps('dueDate')} />
      </SimpleGrid>
    </>
  );
}

function AddItemForm({ item, goal, onDone }: { item: Case; goal: Goal; onDone: () => void }) {
  const form = useForm<ItemValues>({ initialValues: { description: '', owner: '', dueDate: '' }, validate: itemValidation });
  const add = useCaseChange(
    item.id,
    (body: CreateActionItemBody) => unwrap(api.POST('/api/v1/cases/{id}/action-plan/items', { params: { path: { id: item.id } }, body })),
    () => `Action item added to “${goal.title}”`,
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        add.mutate(
          {
            goalId: goal.id,
            description: values.description,
            ...ownerOf(values.owner),
            ...(values.dueDate ? { dueDate: values.dueDate } : {}),
          },
          { onSuccess: onDone, onError: (error) => showApiError(form, error, itemField) },
        ),
      )}
    >
      <Paper bg="gray.0" p="sm" radius="md">
        <Stack gap="xs">
          <ItemFields item={item} form={form} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={add.isPending}>
              Add item
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

interface GoalRow {
  id?: string;
  title: string;
  goalArea: GoalArea | null;
}

/** PUT /cases/:id/action-plan: the goals as listed (kept ones by id); a goal left out goes with its items. */
function GoalsEditor({ item, plan, onDone }: { item: Case; plan: ActionPlan; onDone: () => void }) {
  const form = useForm<{ goals: GoalRow[] }>({
    initialValues: {
      goals: plan.goals.length ? plan.goals.map(({ id, title, goalArea }) => ({ id, title, goalArea })) : [{ title: '', goalArea: null }],
    },
    validate: { goals: { title: isNotEmpty('Name the goal'), goalArea: isNotEmpty('Pick a goal area') } },
  });
  const save = useCaseChange(
    item.id,
    (goals: GoalRow[]) =>
      unwrap(
        api.PUT('/api/v1/cases/{id}/action-plan', {
          params: { path: { id: item.id } },
          body: {
            goals: goals.map((goal) => ({ ...(goal.id ? { id: goal.id } : {}), title: goal.title, goalArea: goal.goalArea as GoalArea })),
          },
        }),
      ),
    () => 'Action plan goals saved',
  );
  const kept = new Set(form.values.goals.map((goal) => goal.id));
  const dropped = plan.goals.filter((goal) => !kept.has(goal.id));

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate(values.goals, { onSuccess: onDone, onError: (error) => showApiError(form, error) }),
        )}
      >
        <Stack>
          {form.values.goals.map((_, index) => (
            <Group key={index} align="flex-start" wrap="nowrap">
              <TextInput label={`Goal ${index + 1}`} required style={{ flex: 1 }} {...form.getInputProps(`goals.${index}.title`)} />
              <Select label="Goal area" data={GOAL_AREA_OPTIONS} required w={180} {...form.getInputProps(`goals.${index}.goalArea`)} />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                aria-label={`Remove goal ${index + 1}`}
                onClick={() => form.removeListItem('goals', index)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {dropped.length > 0 && (
            <Alert color="orange" role="status">
              Saving removes {dropped.map((goal) => `“${goal.title}”`).join(', ')} and{' '}
              {plural(
                dropped.reduce((count, goal) => count + goal.items.length, 0),
                'action item',
              )}{' '}
              under {dropped.length === 1 ? 'it' : 'them'}.
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="light" size="xs" onClick={() => form.insertListItem('goals', { title: '', goalArea: null })}>
              Add goal
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onDone}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save goals
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
