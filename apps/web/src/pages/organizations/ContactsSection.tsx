import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { isDeliverableEmail } from '../../components/email';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { CONTACT_ROLE_LABELS, CONTACT_ROLE_OPTIONS, labelOf, type ContactRole } from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { showApiError } from '../../components/forms';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifySaved } from '../../notify';

export function ContactsSection({ organizationId }: { organizationId: string }) {
  const contacts = useQuery(contactsQuery(organizationId));
  const [adding, setAdding] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contacts-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="contacts-heading">
            Contacts
          </Title>
          {!adding && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Add contact
            </Button>
          )}
        </Group>
        {adding && <AddContactForm organizationId={organizationId} onDone={() => setAdding(false)} />}
        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" />
        ) : contacts.isError ? (
          <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : contacts.data.length === 0 ? (
          <EmptyState title="No contacts yet">Add the people you work with at this organization.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" aria-label="Contacts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Email / phone</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contacts.data.map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {contact.name}
                      </Text>
                      {contact.title && (
                        <Text size="xs" c="dimmed">
                          {contact.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{labelOf(CONTACT_ROLE_LABELS, contact.role)}</Table.Td>
                    <Table.Td>
                      <Anchor href={`mailto:${contact.email}`} size="sm" style={{ wordBreak: 'break-all' }}>
                        {contact.email}
                      </Anchor>
                      {contact.phone && <Text size="xs">{contact.phone}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function AddContactForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', email: '', phone: '', title: '', role: 'other' as ContactRole },
    validate: { name: isNotEmpty('Enter a name'), email: isDeliverableEmail('Enter an email address') },
  });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/organizations/{id}/contacts', {
          params: { path: { id: organizationId } },
          body: {
            name: values.name,
            email: values.email,
            role: values.role,
            ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
            ...(values.title.trim() ? { title: values.title.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (contact) => {
      notifySaved(`${contact.name} is added`);
      await queryClient.invalidateQueries({ queryKey: ['organizations', 'contacts', organizationId] });
      onDone();
    },
    onError: (error) => showApiError(form, error),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Paper bg="gray.0" p="sm" radius="md">
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
            <TextInput label="Job title" {...form.getInputProps('title')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <Select label="Role" data={CONTACT_ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={add.isPending}>
              Add contact
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
