import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { labelOf, REGION_LABELS } from '../../api/labels';
import type { CreateOrganizationBody, DuplicateOrganization } from '../../api/organizations';
import { showApiError } from '../../components/forms';
import { notifySaved } from '../../notify';
import {
  organizationField,
  OrganizationFields,
  organizationBlurChecks,
  organizationValidation,
  organizationValues,
  toOrganizationBody,
  type OrganizationValues,
} from './OrganizationFields';
import { GuardedModal, ModalActions } from '../../components/GuardedModal';

function duplicatesOf(error: unknown): DuplicateOrganization[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { duplicates?: DuplicateOrganization[] } | undefined;
  return Array.isArray(details?.duplicates) ? details.duplicates : null;
}

/** Creates an organization; when the API finds one named alike (409), offers to open it or to create anyway. */
export function NewOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<OrganizationValues>({
    initialValues: organizationValues(),
    validate: organizationValidation,
    validateInputOnBlur: organizationBlurChecks,
  });
  const [duplicates, setDuplicates] = useState<DuplicateOrganization[] | null>(null);

  const create = useMutation({
    mutationFn: (body: CreateOrganizationBody) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: async (org) => {
      notifySaved(`${org.name} is added`);
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      close();
      await navigate(`/organizations/${org.id}`);
    },
    onError: (error) => {
      const found = duplicatesOf(error);
      if (found) setDuplicates(found);
      else showApiError(form, error, organizationField);
    },
  });

  function close() {
    form.reset();
    create.reset();
    setDuplicates(null);
    onClose();
  }

  return (
    <GuardedModal opened={opened} onClose={close} dirty={form.isDirty()} title="New organization" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setDuplicates(null);
          create.mutate(toOrganizationBody(values));
        })}
      >
        <Stack>
          <OrganizationFields form={form} />
          {duplicates && (
            <Alert color="orange" title="This organization may already exist" role="alert">
              <Stack gap="xs">
                <Text size="sm">An organization with a similar name is on file. Open it instead of adding a second record:</Text>
                <List size="sm">
                  {duplicates.map((duplicate) => (
                    <List.Item key={duplicate.id}>
                      <Anchor component={Link} to={`/organizations/${duplicate.id}`} onClick={close}>
                        Open {duplicate.name}
                      </Anchor>{' '}
                      ({duplicate.county}, {labelOf(REGION_LABELS, duplicate.region)})
                    </List.Item>
                  ))}
                </List>
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    loading={create.isPending}
                    onClick={() => create.mutate({ ...toOrganizationBody(form.values), allowDuplicate: true })}
                  >
                    Create anyway
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <ModalActions onCancel={close} submitLabel="Add organization" saving={create.isPending && !duplicates} />
        </Stack>
      </form>
    </GuardedModal>
  );
}
