import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { isDeliverableEmail } from '../components/email';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { meQuery } from '../api/queries';

/** Only a path on this site, never `//other.host`, so a crafted link cannot send a signed-in user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: isDeliverableEmail('Enter your email address'), password: isNotEmpty('Enter your password') },
  });
  const login = useMutation({
    mutationFn: (body: typeof form.values) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(meQuery.queryKey, { id: user.id, email: user.email, name: user.name, role: user.role });
      notifications.show({ color: 'teal', message: `Signed in as ${user.name}` });
      await navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to TA Desk
            </Title>
            {login.error && (
              <Alert color="red" role="alert" title="Could not sign in">
                {login.error.message}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
