import { Alert, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { hasLength, isNotEmpty, useForm } from '@mantine/form';
import { isDeliverableEmail } from '../../components/email';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type User, type UserRole } from '../../api/client';
import { notifyFailed, notifySaved } from '../../notify';
import { ROLE_OPTIONS, roleLabel } from '../../auth/roles';
import { GuardedModal, ModalActions } from '../../components/GuardedModal';

export function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'consultant' as UserRole, password: '' },
    validate: {
      email: isDeliverableEmail('Enter an email address'),
      name: isNotEmpty('Enter a name'),
      // The API's rule (CreateUserDto): 10 to 200 characters.
      password: hasLength({ min: 10, max: 200 }, 'Use 10 to 200 characters'),
    },
  });
  const create = useMutation({
    mutationFn: (body: typeof form.values) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async (user) => {
      notifySaved(`${user.name} can now sign in as ${roleLabel(user.role).toLowerCase()}`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      close();
      onCreated(user);
    },
    onError: (error) => {
      // Field problems (e.g. an email already in use) go next to the field; anything else gets a toast too.
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifyFailed(error);
    },
  });

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  return (
    <GuardedModal opened={opened} onClose={close} dirty={form.isDirty()} title="New staff user">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('email')} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} required {...form.getInputProps('role')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters; share it with them privately."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <ModalActions onCancel={close} submitLabel="Create user" saving={create.isPending} />
        </Stack>
      </form>
    </GuardedModal>
  );
}
