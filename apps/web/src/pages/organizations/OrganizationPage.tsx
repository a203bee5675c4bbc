import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { KIND_LABELS, labelOf, PEER_ROLE_LABELS, POPULATION_LABELS, REGION_LABELS, STAGE_LABELS } from '../../api/labels';
import { organizationQuery, type CreateOrganizationBody, type Organization } from '../../api/organizations';
import { Field } from '../../components/Field';
import { showApiError } from '../../components/forms';
import { ErrorState, isNotFound, LoadingState, NotFoundState } from '../../components/states';
import { isUuid } from '../../components/urlFilters';
import { notifySaved } from '../../notify';
import { ContactsSection } from './ContactsSection';
import { OrganizationAssessments } from './OrganizationAssessments';
import { OrganizationCases } from './OrganizationCases';
import {
  organizationField,
  OrganizationFields,
  organizationBlurChecks,
  organizationValidation,
  organizationValues,
  toOrganizationBody,
  type OrganizationValues,
} from './OrganizationFields';

export function OrganizationPage() {
  const { id = '' } = useParams();
  const valid = isUuid(id);
  const found = useQuery({ ...organizationQuery(id), enabled: valid });
  const [editing, setEditing] = useState(false);

  if (!valid || (found.isError && isNotFound(found.error))) return <OrganizationNotFound />;
  if (found.isPending) return <LoadingState label="Loading organization…" />;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  const org = found.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/organizations">
          Organizations
        </Anchor>
        <Text size="sm">{org.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{org.name}</Title>
          <Text c="dimmed">
            {labelOf(KIND_LABELS, org.kind)} · {org.county} County, {labelOf(REGION_LABELS, org.region)} region
          </Text>
        </Stack>
        <Button component={Link} to={`/cases/new?organizationId=${org.id}`}>
          New case
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="org-details-heading">
            <Stack>
              <Group justify="space-between">
                <Title order={3} size="h4" id="org-details-heading">
                  Details
                </Title>
                {!editing && (
                  <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                    Edit details
                  </Button>
                )}
              </Group>
              {editing ? <EditOrganization org={org} onDone={() => setEditing(false)} /> : <OrganizationDetails org={org} />}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ContactsSection organizationId={org.id} />
        </Grid.Col>
      </Grid>
      <OrganizationAssessments organizationId={org.id} />
      <OrganizationCases organizationId={org.id} />
    </Stack>
  );
}

function OrganizationDetails({ org }: { org: Organization }) {
  return (
    <Stack>
      <SimpleGrid cols={2}>
        <Field label="Implementation stage">
          <Badge color="indigo.8">{labelOf(STAGE_LABELS, org.stage)}</Badge>
        </Field>
        <Field label="Populations served">
          <Text size="sm">{org.populations.map((p) => labelOf(POPULATION_LABELS, p)).join(', ') || 'Not recorded'}</Text>
        </Field>
      </SimpleGrid>
      <Field label="Peer roles employed or planned">
        <Text size="sm">{org.peerRoles.map((role) => labelOf(PEER_ROLE_LABELS, role)).join(', ') || 'None named yet'}</Text>
      </Field>
      <Field label="Peer workforce">
        <SimpleGrid cols={3} spacing="xs">
          {(
            [
              ['NYCPS', 'Certified peer specialists', org.peerWorkforce.nycps],
              ['YPA-C', 'Youth peer advocates', org.peerWorkforce.ypa],
              ['FPA-C', 'Family peer advocates', org.peerWorkforce.fpa],
            ] as const
          ).map(([short, long, count]) => (
            <Paper key={short} bg="gray.0" p="xs" radius="md" ta="center">
              <Text fw={700} size="xl">
                {count}
              </Text>
              <Text size="xs" c="dimmed" title={long}>
                {short}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Field>
      <Field label="Notes">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {org.notes || 'None'}
        </Text>
      </Field>
    </Stack>
  );
}

function EditOrganization({ org, onDone }: { org: Organization; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<OrganizationValues>({
    initialValues: organizationValues(org),
    validate: organizationValidation,
    validateInputOnBlur: organizationBlurChecks,
  });
  const save = useMutation({
    mutationFn: (body: Partial<CreateOrganizationBody>) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: org.id } }, body })),
    onSuccess: async (updated) => {
      notifySaved(`${updated.name} is updated`);
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      onDone();
    },
    onError: (error) => showApiError(form, error, organizationField),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(toOrganizationBody(values)))}>
      <Stack>
        <OrganizationFields form={form} />
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

function OrganizationNotFound() {
  return (
    <NotFoundState title="Organization not found" back={{ to: '/organizations', label: 'Back to organizations' }}>
      There is no organization at this address. It may have been merged, or the link may be incomplete.
    </NotFoundState>
  );
}
