import { Anchor, Breadcrumbs, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { assignableStaff, staffQuery, topicOptions, topicsQuery, type CreateCaseBody } from '../../api/cases';
import { api, unwrap } from '../../api/client';
import {
  INTENSITY_OPTIONS,
  PRIORITY_OPTIONS,
  SERVICE_LINE_OPTIONS,
  SOURCE_OPTIONS,
  type CasePriority,
  type CaseSource,
  type Intensity,
  type ServiceLine,
} from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { useCurrentUser } from '../../auth/session';
import { showApiError } from '../../components/forms';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { notifySaved } from '../../notify';
import { canAssign } from './permissions';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { atMostChars } from '../../components/limits';

/** The API's limit on a case's description. */
const DESCRIPTION_MAX = 10000;

interface NewCaseValues {
  organizationId: string | null;
  title: string;
  description: string;
  topics: string[];
  serviceLines: ServiceLine[];
  priority: CasePriority;
  source: CaseSource;
  intensity: Intensity | null;
  primaryContactId: string | null;
  assigneeId: string | null;
}

export function NewCasePage() {
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const topics = useQuery(topicsQuery);
  const staff = useQuery({ ...staffQuery, enabled: canAssign(me) });

  const form = useForm<NewCaseValues>({
    initialValues: {
      organizationId: params.get('organizationId'),
      title: '',
      description: '',
      topics: [],
      serviceLines: [],
      priority: 'normal',
      source: 'email',
      intensity: null,
      primaryContactId: null,
      assigneeId: null,
    },
    validate: {
      organizationId: isNotEmpty('Pick the organization'),
      title: isNotEmpty('Give the case a title'),
      description: (value) => (value.trim() ? atMostChars(DESCRIPTION_MAX)(value) : 'Describe what the clinic asked for'),
    },
  });
  const contacts = useQuery({ ...contactsQuery(form.values.organizationId ?? ''), enabled: !!form.values.organizationId });

  const create = useMutation({
    mutationFn: (body: CreateCaseBody) => unwrap(api.POST('/api/v1/cases', { body })),
    onSuccess: async (created) => {
      notifySaved(`${created.reference} is open`);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate(`/cases/${created.id}`);
    },
    onError: (error) => showApiError(form, error),
  });

  function submit(values: NewCaseValues) {
    create.mutate({
      organizationId: values.organizationId ?? '',
      title: values.title,
      description: values.description,
      topics: values.topics,
      serviceLines: values.serviceLines,
      priority: values.priority,
      source: values.source,
      ...(values.intensity ? { intensity: values.intensity } : {}),
      ...(values.primaryContactId ? { primaryContactId: values.primaryContactId } : {}),
      ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    });
  }

  return (
    <Stack maw={900}>
      <Breadcrumbs>
        <Anchor component={Link} to="/cases">
          Cases
        </Anchor>
        <Text size="sm">New case</Text>
      </Breadcrumbs>
      <Title order={2}>New case</Title>
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <OrganizationPicker
              label="Organization"
              placeholder="Search organizations"
              required
              {...form.getInputProps('organizationId')}
              value={form.values.organizationId}
              onChange={(organizationId) => {
                form.setFieldValue('organizationId', organizationId);
                form.setFieldValue('primaryContactId', null);
              }}
            />
            <TextInput label="Title" required maxLength={200} {...form.getInputProps('title')} />
            <LimitedTextarea
              label="Description"
              required
              autosize
              minRows={4}
              maxRows={12}
              limit={DESCRIPTION_MAX}
              {...form.getInputProps('description')}
            />
            <MultiSelect
              label="Topics"
              description="Grouped by the funder’s goal areas"
              data={topicOptions(topics.data)}
              searchable
              {...form.getInputProps('topics')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect label="Service lines" data={SERVICE_LINE_OPTIONS} {...form.getInputProps('serviceLines')} />
              <Select label="Priority" data={PRIORITY_OPTIONS} allowDeselect={false} required {...form.getInputProps('priority')} />
              <Select label="Source" data={SOURCE_OPTIONS} allowDeselect={false} required {...form.getInputProps('source')} />
              <Select label="Intensity" data={INTENSITY_OPTIONS} placeholder="Not set" clearable {...form.getInputProps('intensity')} />
              <Select
                label="Primary contact"
                placeholder={
                  !form.values.organizationId ? 'Pick the organization first' : contacts.data?.length ? 'None' : 'No contacts on file'
                }
                data={(contacts.data ?? []).map((contact) => ({
                  value: contact.id,
                  label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
                }))}
                disabled={!form.values.organizationId}
                clearable
                {...form.getInputProps('primaryContactId')}
              />
              {canAssign(me) && (
                <Select
                  label="Assignee"
                  placeholder="Unassigned"
                  data={assignableStaff(staff.data).map((member) => ({ value: member.id, label: member.name }))}
                  searchable
                  clearable
                  {...form.getInputProps('assigneeId')}
                />
              )}
            </SimpleGrid>
            {!canAssign(me) && (
              <Text size="sm" c="dimmed">
                The case will be assigned to you.
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/cases">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Open case
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
