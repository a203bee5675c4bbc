import { Box, Button, FileButton, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { centerSettingsQuery, saveCenterSettings, type CenterSettings, type CenterSettingsBody } from '../../api/settings';
import { CenterHeader } from '../../components/CenterHeader';
import { showApiError } from '../../components/forms';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySaved } from '../../notify';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
const LOGO_MAX_BYTES = 200 * 1024;

interface FormValues {
  shortName: string;
  name: string;
  phone: string;
  replyTo: string;
  signature: string;
  about: string;
}

/** /admin/settings: the center's name, logo, reply-to address, phone and signature, with the public header previewed. */
export function SettingsPage() {
  const settings = useQuery(centerSettingsQuery);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  // Keyed by the saved version, so the form starts again from what the server kept.
  return <CenterSettingsForm key={settings.data.updatedAt ?? 'new'} saved={settings.data} />;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function CenterSettingsForm({ saved }: { saved: CenterSettings }) {
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: {
      shortName: saved.shortName,
      name: saved.name,
      phone: saved.phone ?? '',
      replyTo: saved.replyTo ?? '',
      signature: saved.signature ?? '',
      about: saved.about ?? '',
    },
    validate: {
      shortName: (value) => (value.trim() ? null : 'Give the center a short name'),
      name: (value) => (value.trim() ? null : "Give the center's full name"),
    },
  });
  // undefined: keep the saved logo; null: remove it; a data URL: the new one.
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [logoError, setLogoError] = useState<string | null>(null);
  const logoUrl = logo === undefined ? saved.logoUrl : logo;

  const save = useMutation({
    mutationFn: (body: CenterSettingsBody) => saveCenterSettings(body),
    onSuccess: async () => {
      notifySaved("The center's settings are saved.");
      await queryClient.invalidateQueries({ queryKey: ['center'] });
    },
    onError: (error: Error) =>
      showApiError(
        {
          setErrors: (errors) => {
            const { logo: logoMessage, ...rest } = errors;
            if (logoMessage) setLogoError(logoMessage);
            form.setErrors(rest);
          },
        },
        error,
      ),
  });

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    setLogoError(null);
    if (!LOGO_TYPES.includes(file.type)) return setLogoError('The logo must be a PNG, JPEG or SVG image.');
    if (file.size > LOGO_MAX_BYTES) return setLogoError(`The logo must be at most 200 kB (this one is ${Math.ceil(file.size / 1024)} kB).`);
    try {
      setLogo(await readDataUrl(file));
    } catch (error) {
      setLogoError((error as Error).message);
    }
  };

  const submit = form.onSubmit((values) =>
    save.mutate({
      shortName: values.shortName,
      name: values.name,
      phone: values.phone.trim() || null,
      replyTo: values.replyTo.trim() || null,
      signature: values.signature.trim() || null,
      about: values.about.trim() || null,
      ...(logo !== undefined ? { logo } : {}),
    }),
  );
  const preview = { shortName: form.values.shortName || ' ', name: form.values.name, logoUrl };

  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Text c="dimmed" maw={720}>
        The center's identity: its name and logo head the public request pages and the printable action plans, its phone is on the public
        pages, every email closes with its signature, and replies to those emails go to its reply-to address.
      </Text>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label="Short name"
                description="In titles, emails and the staff app"
                required
                maxLength={40}
                {...form.getInputProps('shortName')}
              />
              <TextInput label="Full name" required maxLength={120} {...form.getInputProps('name')} />
              <Stack gap={6}>
                <Text size="sm" fw={500} id="logo-label">
                  Logo
                </Text>
                <Text size="xs" c="dimmed">
                  PNG, JPEG or SVG, at most 200 kB; shown 40 pixels high.
                </Text>
                <Group>
                  <FileButton onChange={(file) => void pickLogo(file)} accept={LOGO_TYPES.join(',')}>
                    {(props) => (
                      <Button variant="default" aria-describedby="logo-label" {...props}>
                        {logoUrl ? 'Replace the logo' : 'Upload a logo'}
                      </Button>
                    )}
                  </FileButton>
                  {logoUrl && (
                    <Button variant="subtle" color="red" onClick={() => setLogo(null)}>
                      Remove the logo
                    </Button>
                  )}
                </Group>
                {logoError && (
                  <Text size="sm" c="red.8" role="alert">
                    {logoError}
                  </Text>
                )}
              </Stack>
              <TextInput
                label="Phone"
                description="On the public pages"
                placeholder="(212) 555-0142"
                maxLength={40}
                {...form.getInputProps('phone')}
              />
              <TextInput
                label="Reply-to address"
                description="Replies to every email TA Desk sends go here"
                type="email"
                maxLength={254}
                {...form.getInputProps('replyTo')}
              />
              <Textarea
                label="Signature"
                description="Closes every email and printable plan"
                minRows={3}
                autosize
                maxLength={1000}
                {...form.getInputProps('signature')}
              />
              <Textarea
                label="About the center"
                description="At the foot of the public pages"
                minRows={3}
                autosize
                maxLength={1000}
                {...form.getInputProps('about')}
              />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save settings
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs" pos="sticky" top={72}>
            <Title order={3} size="h5">
              Preview: the public pages' header
            </Title>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }} component="section" aria-label="Preview of the public header">
              <CenterHeader center={preview} />
              <Box p="sm" bg="gray.0">
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                  {[form.values.about.trim(), form.values.phone.trim() && `Call ${form.values.shortName}: ${form.values.phone.trim()}`]
                    .filter(Boolean)
                    .join('\n\n') || 'Nothing at the foot of the page yet.'}
                </Text>
              </Box>
            </Paper>
            {form.values.signature.trim() && (
              <>
                <Title order={3} size="h5" mt="md">
                  Emails close with
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  -- {'\n'}
                  {form.values.signature.trim()}
                </Text>
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
