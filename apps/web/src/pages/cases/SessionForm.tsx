import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { actionPlanQuery, type Consultation, type CreateConsultationBody, type UpdateConsultationBody } from '../../api/engagement';
import { staffQuery, topicOptions, topicsQuery, type Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import {
  FOLLOW_UP_KIND_OPTIONS,
  GOAL_AREA_OPTIONS,
  MODALITY_OPTIONS,
  type FollowUpKind,
  type GoalArea,
  type Modality,
} from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { defaultDueDate } from '../../components/businessDays';
import { fromLocalInput, toLocalInput } from '../../components/dates';
import { DueAtInput } from '../../components/DueAtInput';
import { useReportDirty } from '../../components/GuardedModal';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { atMostChars, wholeNumberIn } from '../../components/limits';
import { plural } from '../../components/plural';
import { showApiError } from '../../components/forms';
import { staffOptions as staffSelectOptions } from '../../components/staffNames';
import { canEditCase } from './permissions';
import { notifyFailed } from '../../notify';
import { useCaseChange } from '../../api/caseChange';

/** The API's limits (CreateConsultationDto). */
const SUMMARY_MAX = 10000;
const NEXT_STEPS_MAX = 5000;

interface FollowUpRow {
  dueAt: string;
  kind: FollowUpKind;
  assigneeId: string;
  note: string;
  /** It already happened: logged as done, nobody reminded (the follow-up form's "log as done"). */
  done: boolean;
}

interface ActionItemRow {
  /** An existing goal's id, or `new` to add a goal with the item. */
  goalId: string;
  goalTitle: string;
  goalArea: GoalArea | null;
  description: string;
  /** `user:<id>` or `contact:<id>`. */
  owner: string;
  dueDate: string;
}

interface SessionValues {
  startedAt: string;
  durationMinutes: number | string;
  modality: Modality;
  attendeeContactIds: string[];
  headcount: number | string;
  topics: string[];
  summary: string;
  nextSteps: string;
  followUps: FollowUpRow[];
  actionItems: ActionItemRow[];
  /** A triaged case: make it active once the session is saved (work has started). */
  activate: boolean;
}

/** The first line of the next steps: a sensible note or description for what they turn into. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim()
      .replace(/^[-*•]\s*/, '') ?? ''
  );
}

/**
 * Logs a session (POST /cases/:id/consultations) with its next steps turned into follow-ups and action items in the
 * same request, or edits a logged one (PATCH /consultations/:id, the session's own fields only).
 */
export function SessionForm({ item, me, session, onDone }: { item: Case; me: Me; session?: Consultation; onDone: () => void }) {
  const contacts = useQuery(contactsQuery(item.organization.id));
  const topics = useQuery(topicsQuery);
  const staff = useQuery(staffQuery);
  const plan = useQuery({ ...actionPlanQuery(item.id), enabled: !session });

  const form = useForm<SessionValues>({
    initialValues: {
      startedAt: toLocalInput(session ? new Date(session.startedAt) : new Date()),
      durationMinutes: session?.durationMinutes ?? 60,
      modality: session?.modality ?? 'video',
      attendeeContactIds: session?.attendeeContactIds ?? [],
      headcount: session?.headcount ?? '',
      topics: session?.topics ?? item.topics,
      summary: session?.summary ?? '',
      nextSteps: session?.nextSteps ?? '',
      followUps: [],
      actionItems: [],
      activate: true,
    },
    validate: {
      startedAt: isNotEmpty('When did the session start?'),
      durationMinutes: wholeNumberIn(1, 600, { unit: 'minutes', required: true }),
      headcount: wholeNumberIn(1, 10000, { unit: 'people' }),
      summary: (value) => (value.trim() ? atMostChars(SUMMARY_MAX)(value) : 'Summarize the session'),
      nextSteps: atMostChars(NEXT_STEPS_MAX),
      followUps: { dueAt: isNotEmpty('Pick a due date') },
      actionItems: {
        description: isNotEmpty('Describe the action'),
        goalTitle: (value, values, path) =>
          values.actionItems[Number(path.split('.')[1])]?.goalId === 'new' && !value.trim() ? 'Name the new goal' : null,
        goalArea: (value, values, path) =>
          values.actionItems[Number(path.split('.')[1])]?.goalId === 'new' && !value ? 'Pick a goal area' : null,
      },
    },
    // Out-of-range numbers and over-long texts say so as soon as the field is left, not only on Save.
    validateInputOnBlur: ['durationMinutes', 'headcount', 'summary', 'nextSteps'],
  });
  useReportDirty(form.isDirty());

  const create = useCaseChange(
    item.id,
    (body: CreateConsultationBody) => unwrap(api.POST('/api/v1/cases/{id}/consultations', { params: { path: { id: item.id } }, body })),
    (body) => {
      const done = body.followUps?.filter((followUp) => followUp.status === 'done').length ?? 0;
      const scheduled = (body.followUps?.length ?? 0) - done + (body.actionItems?.length ?? 0);
      const parts = [
        scheduled ? `${plural(scheduled, 'next step')} scheduled` : '',
        done ? `${plural(done, 'follow-up')} logged as done` : '',
      ];
      return parts.some(Boolean) ? `Session logged with ${parts.filter(Boolean).join(' and ')}` : 'Session logged';
    },
  );
  const update = useCaseChange(
    item.id,
    (body: UpdateConsultationBody) =>
      unwrap(api.PATCH('/api/v1/consultations/{id}', { params: { path: { id: session?.id ?? '' } }, body })),
    () => 'Session updated',
  );
  // Without the version: saving the session has just touched the case.
  const activate = useCaseChange(
    item.id,
    () => unwrap(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: item.id } }, body: { to: 'active' } })),
    () => `${item.reference} is now active`,
  );
  const saving = create.isPending || update.isPending || activate.isPending;
  // Logging a session on a triaged case offers to activate it (the first session usually starts the work).
  const offerActivation = !session && item.status === 'triaged' && item.allowedMoves.includes('active') && canEditCase(item, me);

  function submit(values: SessionValues) {
    const base = {
      startedAt: fromLocalInput(values.startedAt),
      durationMinutes: Number(values.durationMinutes),
      modality: values.modality,
      attendeeContactIds: values.attendeeContactIds,
      ...(values.headcount !== '' ? { headcount: Number(values.headcount) } : {}),
      topics: values.topics,
      summary: values.summary,
      nextSteps: values.nextSteps,
    };
    // Field errors come back as `followUps.0.dueAt`: the form's own paths, except the owner's two fields.
    const onError = (error: Error) => showApiError(form, error, (field) => field.replace(/\.owner(User|Contact)Id$/, '.owner'));
    if (session) {
      update.mutate(base, { onSuccess: onDone, onError });
      return;
    }
    create.mutate(
      {
        ...base,
        followUps: values.followUps.map((row) => ({
          dueAt: fromLocalInput(row.dueAt),
          kind: row.kind,
          ...(row.assigneeId ? { assigneeId: row.assigneeId } : {}),
          ...(row.note.trim() ? { note: row.note.trim() } : {}),
          status: row.done ? ('done' as const) : ('scheduled' as const),
        })),
        actionItems: values.actionItems.map((row) => {
          const [ownerType, ownerId] = row.owner.split(':');
          return {
            ...(row.goalId === 'new' ? { goalTitle: row.goalTitle, goalArea: row.goalArea ?? undefined } : { goalId: row.goalId }),
            description: row.description,
            ...(ownerType === 'contact' ? { ownerContactId: ownerId } : ownerId ? { ownerUserId: ownerId } : {}),
            ...(row.dueDate ? { dueDate: row.dueDate } : {}),
          };
        }),
      },
      {
        onSuccess: () => {
          if (offerActivation && values.activate) activate.mutate(undefined, { onSettled: onDone, onError: notifyFailed });
          else onDone();
        },
        onError,
      },
    );
  }

  const contactOptions = (contacts.data ?? []).map((contact) => ({
    value: contact.id,
    label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
  }));
  const staffOptions = staffSelectOptions(staff.data);
  const goals = plan.data?.goals ?? [];
  const goalOptions = [...goals.map((goal) => ({ value: goal.id, label: goal.title })), { value: 'new', label: 'New goal…' }];
  const ownerOptions = [
    { group: 'TA Desk staff', items: staffSelectOptions(staff.data, (member) => `user:${member.id}`) },
    { group: 'Clinic contacts', items: (contacts.data ?? []).map((contact) => ({ value: `contact:${contact.id}`, label: contact.name })) },
  ];

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Started at" type="datetime-local" required {...form.getInputProps('startedAt')} />
          <NumberInput
            label="Duration (minutes)"
            min={1}
            max={600}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            required
            {...form.getInputProps('durationMinutes')}
          />
          <Select label="Modality" data={MODALITY_OPTIONS} allowDeselect={false} required {...form.getInputProps('modality')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect
            label="Attendees"
            description="Contacts of the clinic"
            placeholder={contacts.isPending ? 'Loading contacts…' : contactOptions.length ? 'Pick attendees' : 'No contacts on file'}
            data={contactOptions}
            searchable
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps('attendeeContactIds')}
          />
          <NumberInput
            label="Headcount"
            description="People present in all"
            min={1}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('headcount')}
          />
        </SimpleGrid>
        <MultiSelect label="Topics" data={topicOptions(topics.data)} searchable {...form.getInputProps('topics')} />
        <LimitedTextarea
          label="Summary"
          required
          autosize
          minRows={3}
          maxRows={10}
          limit={SUMMARY_MAX}
          {...form.getInputProps('summary')}
        />
        <LimitedTextarea label="Next steps" autosize minRows={2} maxRows={8} limit={NEXT_STEPS_MAX} {...form.getInputProps('nextSteps')} />

        {!session && (
          <>
            <Divider label="Turn next steps into follow-ups and action items" labelPosition="left" />
            {form.values.followUps.map((_, index) => (
              <Paper key={index} withBorder p="sm" role="group" aria-label={`Follow-up ${index + 1}`}>
                <Group justify="space-between" mb="xs">
                  <Title order={4} size="h6">
                    Follow-up {index + 1}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove follow-up ${index + 1}`}
                    onClick={() => form.removeListItem('followUps', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <DueAtInput
                    label={form.values.followUps[index]?.done ? 'When' : 'Due'}
                    required
                    pastWarning={
                      form.values.followUps[index]?.done ? null : 'This is in the past. If it already happened, log it as done below.'
                    }
                    {...form.getInputProps(`followUps.${index}.dueAt`)}
                  />
                  <Select
                    label="Kind"
                    data={FOLLOW_UP_KIND_OPTIONS}
                    allowDeselect={false}
                    {...form.getInputProps(`followUps.${index}.kind`)}
                  />
                  <Select
                    label="Assignee"
                    data={staffOptions}
                    searchable
                    allowDeselect={false}
                    {...form.getInputProps(`followUps.${index}.assigneeId`)}
                  />
                </SimpleGrid>
                <TextInput label="Note" mt="xs" {...form.getInputProps(`followUps.${index}.note`)} />
                <Checkbox
                  mt="xs"
                  label="Already happened — log it as done"
                  description={
                    form.values.followUps[index]?.done ? 'It counts as activity on the case, and nobody is reminded.' : undefined
                  }
                  {...form.getInputProps(`followUps.${index}.done`, { type: 'checkbox' })}
                />
              </Paper>
            ))}
            {form.values.actionItems.map((row, index) => (
              <Paper key={index} withBorder p="sm" role="group" aria-label={`Action item ${index + 1}`}>
                <Group justify="space-between" mb="xs">
                  <Title order={4} size="h6">
                    Action item {index + 1}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove action item ${index + 1}`}
                    onClick={() => form.removeListItem('actionItems', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select label="Goal" data={goalOptions} allowDeselect={false} {...form.getInputProps(`actionItems.${index}.goalId`)} />
                  {row.goalId === 'new' && (
                    <>
                      <TextInput label="New goal title" required {...form.getInputProps(`actionItems.${index}.goalTitle`)} />
                      <Select
                        label="Goal area"
                        data={GOAL_AREA_OPTIONS}
                        required
                        {...form.getInputProps(`actionItems.${index}.goalArea`)}
                      />
                    </>
                  )}
                </SimpleGrid>
                <TextInput label="Action" required mt="xs" {...form.getInputProps(`actionItems.${index}.description`)} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  <Select
                    label="Owner"
                    data={ownerOptions}
                    searchable
                    allowDeselect={false}
                    {...form.getInputProps(`actionItems.${index}.owner`)}
                  />
                  <TextInput label="Due date" type="date" {...form.getInputProps(`actionItems.${index}.dueDate`)} />
                </SimpleGrid>
              </Paper>
            ))}
            <Group gap="xs">
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  form.insertListItem('followUps', {
                    dueAt: toLocalInput(defaultDueDate()),
                    kind: 'check_in',
                    assigneeId: me.id,
                    note: firstLine(form.values.nextSteps),
                    done: false,
                  } satisfies FollowUpRow)
                }
              >
                Add follow-up
              </Button>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  form.insertListItem('actionItems', {
                    goalId: goals[0]?.id ?? 'new',
                    goalTitle: '',
                    goalArea: null,
                    description: firstLine(form.values.nextSteps),
                    owner: `user:${me.id}`,
                    dueDate: '',
                  } satisfies ActionItemRow)
                }
              >
                Add action item
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Follow-ups and action items are saved with the session, all at once.
            </Text>
          </>
        )}

        {offerActivation && (
          <Checkbox
            label="Activate the case"
            description="It is triaged: a session usually means the work has started."
            {...form.getInputProps('activate', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {session ? 'Save changes' : 'Save session'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
