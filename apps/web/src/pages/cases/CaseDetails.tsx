import { Alert, Badge, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { topicLabel, topicOptions, topicsQuery, type Case, type UpdateCaseBody } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import {
  INTENSITY_OPTIONS,
  labelOf,
  PRIORITY_OPTIONS,
  SERVICE_LINE_LABELS,
  SERVICE_LINE_OPTIONS,
  SOURCE_LABELS,
  type CasePriority,
  type Intensity,
  type ServiceLine,
} from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { formatDateTime } from '../../components/dates';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/forms';
import { IntensityValue } from './IntensityField';
import { canEditCase } from './permissions';
import { isStale, useCaseChange } from '../../api/caseChange';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { atMostChars } from '../../components/limits';

/** The API's limit on a case's description. */
const DESCRIPTION_MAX = 10000;

export function CaseDetails({ item, me }: { item: Case; me: Me }) {
  const [editing, setEditing] = useState(false);
  const [staleNotice, setStaleNotice] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-details-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="case-details-heading">
            Details
          </Title>
          {!editing && canEditCase(item, me) && (
            <Button
              variant="light"
              size="xs"
              onClick={() => {
                setStaleNotice(false);
                setEditing(true);
              }}
            >
              Edit details
            </Button>
          )}
        </Group>
        {staleNotice && (
          <Alert color="orange" role="alert" title="Someone else changed this case" withCloseButton onClose={() => setStaleNotice(false)}>
            Your edits were not saved: the case changed while you were editing it. The latest version is shown; edit again if needed.
          </Alert>
        )}
        {editing ? (
          <CaseDetailsForm
            // A new version (someone else's save) starts the form over from the fresh values.
            key={item.version}
            item={item}
            onDone={() => setEditing(false)}
            onStale={() => {
              setEditing(false);
              setStaleNotice(true);
            }}
          />
        ) : (
          <CaseDetailsView item={item} />
        )}
      </Stack>
    </Paper>
  );
}

function CaseDetailsView({ item }: { item: Case }) {
  const topics = useQuery(topicsQuery);
  const contacts = useQuery(contactsQuery(item.organization.id));
  const contact = contacts.data?.find((candidate) => candidate.id === item.primaryContactId);
  return (
    <Stack>
      <Field label="Description">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {item.description}
        </Text>
      </Field>
      <Field label="Topics">
        {item.topics.length ? (
          <Group gap={6}>
            {item.topics.map((code) => (
              <Badge key={code} variant="outline" color="indigo.8" tt="none">
                {topicLabel(topics.data, code)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm">None yet</Text>
        )}
      </Field>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field label="Service lines">
          <Text size="sm">{item.serviceLines.map((line) => labelOf(SERVICE_LINE_LABELS, line)).join(', ') || '—'}</Text>
        </Field>
        <Field label="Intensity">
          <IntensityValue item={item} />
        </Field>
        <Field label="Source">
          <Text size="sm">{labelOf(SOURCE_LABELS, item.source)}</Text>
        </Field>
        <Field label="Primary contact">
          <Text size="sm">
            {contact ? `${contact.name}${contact.title ? `, ${contact.title}` : ''}` : item.primaryContactId ? '…' : 'None'}
          </Text>
        </Field>
        <Field label="Opened">
          <Text size="sm">{formatDateTime(item.openedAt)}</Text>
        </Field>
        <Field label="First response">
          <Text size="sm">
            {item.firstResponseAt
              ? formatDateTime(item.firstResponseAt)
              : item.firstResponseDueAt
                ? `Due ${formatDateTime(item.firstResponseDueAt)}`
                : 'Not yet'}
          </Text>
        </Field>
      </SimpleGrid>
    </Stack>
  );
}

interface DetailsValues {
  title: string;
  description: string;
  topics: string[];
  serviceLines: ServiceLine[];
  priority: CasePriority;
  intensity: Intensity | null;
  primaryContactId: string | null;
}

function CaseDetailsForm({ item, onDone, onStale }: { item: Case; onDone: () => void; onStale: () => void }) {
  const topics = useQuery(topicsQuery);
  const contacts = useQuery(contactsQuery(item.organization.id));
  const initial: DetailsValues = {
    title: item.title,
    description: item.description,
    topics: item.topics,
    serviceLines: item.serviceLines,
    priority: item.priority,
    intensity: item.intensity,
    primaryContactId: item.primaryContactId,
  };
  const form = useForm<DetailsValues>({
    initialValues: initial,
    validate: {
      title: isNotEmpty('Enter a title'),
      description: (value) => (value.trim() ? atMostChars(DESCRIPTION_MAX)(value) : 'Describe the request'),
    },
  });
  const save = useCaseChange(
    item.id,
    (body: UpdateCaseBody) => unwrap(api.PATCH('/api/v1/cases/{id}', { params: { path: { id: item.id } }, body })),
    () => `${item.reference} is updated`,
  );

  function submit(values: DetailsValues) {
    // Only what changed, with the version read: a stale one is refused (409) instead of overwriting someone's save.
    const body: UpdateCaseBody = { version: item.version };
    for (const key of Object.keys(values) as (keyof DetailsValues)[])
      if (JSON.stringify(values[key]) !== JSON.stringify(initial[key])) Object.assign(body, { [key]: values[key] });
    if (Object.keys(body).length === 1) return onDone();
    save.mutate(body, {
      onSuccess: onDone,
      onError: (error) => (isStale(error) ? onStale() : showApiError(form, error)),
    });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="Title" required maxLength={200} {...form.getInputProps('title')} />
        <LimitedTextarea
          label="Description"
          required
          autosize
          minRows={3}
          maxRows={12}
          limit={DESCRIPTION_MAX}
          {...form.getInputProps('description')}
        />
        <MultiSelect label="Topics" data={topicOptions(topics.data)} searchable {...form.getInputProps('topics')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label="Service lines" data={SERVICE_LINE_OPTIONS} {...form.getInputProps('serviceLines')} />
          <Select label="Priority" data={PRIORITY_OPTIONS} allowDeselect={false} required {...form.getInputProps('priority')} />
          <Select label="Intensity" data={INTENSITY_OPTIONS} placeholder="Not set" clearable {...form.getInputProps('intensity')} />
          <Select
            label="Primary contact"
            data={(contacts.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }))}
            placeholder="None"
            clearable
            {...form.getInputProps('primaryContactId')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
