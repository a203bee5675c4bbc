import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { isDeliverableEmail } from '../../components/email';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { intakeTopicsQuery, submitIntake, type IntakeBody, type IntakeTopic } from '../../api/intake';
import { useCenter } from './center';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import classes from './public.module.css';
import { saveReceipt } from './receipt';
import {
  CONTACT_METHODS,
  GOAL_AREAS,
  NY_COUNTIES,
  PEER_ROLES,
  POPULATIONS,
  QUESTION_MAX,
  QUESTION_MIN,
  REGIONS,
  ROLES,
  STAGES,
} from './requestOptions';

interface FormValues {
  organizationName: string;
  region: string;
  county: string;
  contactName: string;
  email: string;
  phone: string;
  role: string;
  populations: string[];
  peerRoles: string[];
  stage: string;
  topics: string[];
  question: string;
  preferredContact: string;
  website: string;
}

/** The order fields appear in, so the first one with a problem gets the focus. */
const FIELD_ORDER: (keyof FormValues)[] = [
  'organizationName',
  'region',
  'county',
  'populations',
  'contactName',
  'role',
  'email',
  'phone',
  'preferredContact',
  'peerRoles',
  'stage',
  'topics',
  'question',
];

const required = (message: string) => (value: string) => (value.trim() ? null : message);

export function RequestPage() {
  const center = useCenter();
  const navigate = useNavigate();
  const problemRef = useRef<HTMLDivElement>(null);
  const form = useForm<FormValues>({
    initialValues: {
      organizationName: '',
      region: '',
      county: '',
      contactName: '',
      email: '',
      phone: '',
      role: '',
      populations: [],
      peerRoles: [],
      stage: '',
      topics: [],
      question: '',
      preferredContact: 'email',
      website: '',
    },
    validate: {
      organizationName: required('Please tell us your organization’s name'),
      region: required('Please choose your OMH region'),
      county: required('Please tell us your county'),
      contactName: required('Please tell us your name'),
      email: isDeliverableEmail('Please give an email address we can reply to'),
      role: required('Please choose the role closest to yours'),
      stage: required('Please choose where your program is with peer support'),
      phone: (value, values) =>
        values.preferredContact === 'phone' && !value.trim() ? 'Please add a phone number so we can call you' : null,
      question: (value) => {
        const length = value.trim().length;
        if (length === 0) return 'Please tell us what you would like help with';
        if (length < QUESTION_MIN) return `Please write a little more: at least ${QUESTION_MIN} characters`;
        if (value.length > QUESTION_MAX) return `Please shorten this to ${QUESTION_MAX.toLocaleString('en-US')} characters or fewer`;
        return null;
      },
    },
  });

  const submit = useMutation({
    mutationFn: (values: FormValues) => submitIntake(toBody(values)),
    onSuccess: async (result, values) => {
      const receipt = { ...result, email: values.email.trim() };
      saveReceipt(receipt);
      await navigate('/request/thanks', { state: receipt });
    },
    onError: (error) => {
      // Field problems go next to their fields; everything typed stays where it is.
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (Object.keys(fields).length) {
        form.setErrors(fields);
        focusFirstError(fields);
      } else {
        problemRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      }
    },
  });

  function focusFirstError(errors: Record<string, unknown>) {
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (!first) return;
    // Groups carry the field's data-path on their wrapper; focus their first control.
    const root = document.querySelector<HTMLElement>(`[data-path="${first}"]`);
    const focusable = 'input:not([type=hidden]), select, textarea, button';
    const node = root?.matches(focusable) ? root : root?.querySelector<HTMLElement>(focusable);
    node?.focus();
    node?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  const problem = submit.error ? describeFailure(submit.error, center.shortName) : null;

  return (
    <Stack gap="lg">
      <PageTitle title="Request technical assistance" />
      <Stack gap="xs">
        <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.2}>
          Request technical assistance
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} c="dark.6">
          Starting, expanding or strengthening peer support services? Tell us about your program and what you are working on.{' '}
          {`A ${center.shortName} consultant will review your request and contact you, and you can follow its progress online.`}
        </Text>
        <Text size="sm" c="dimmed">
          It takes about five minutes. Required fields are marked with an asterisk (*).
        </Text>
      </Stack>

      <form
        noValidate
        aria-label="Request technical assistance"
        onSubmit={form.onSubmit(
          (values) => submit.mutate(values),
          (errors) => focusFirstError(errors),
        )}
      >
        <Stack gap="lg">
          <Section title="Your organization">
            <TextInput
              label="Organization name"
              required
              maxLength={200}
              autoComplete="organization"
              {...form.getInputProps('organizationName')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="OMH region"
                required
                data={[{ value: '', label: 'Choose your region', disabled: true }, ...REGIONS]}
                {...form.getInputProps('region')}
              />
              {/* The browser's own suggestions: Mantine's Autocomplete would add its popover code to this page's load. */}
              <TextInput label="County" required maxLength={60} list="ny-counties" autoComplete="off" {...form.getInputProps('county')} />
              <datalist id="ny-counties">
                {NY_COUNTIES.map((county) => (
                  <option key={county} value={county} />
                ))}
              </datalist>
            </SimpleGrid>
            <Checkbox.Group
              label="Who does your program serve?"
              description="Choose all that apply."
              {...form.getInputProps('populations')}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
                {POPULATIONS.map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>

          <Section title="About you" hint="So we know who to get back to.">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Your name" required maxLength={120} autoComplete="name" {...form.getInputProps('contactName')} />
              <NativeSelect
                label="Your role"
                required
                data={[{ value: '', label: 'Choose your role', disabled: true }, ...ROLES]}
                {...form.getInputProps('role')}
              />
              <TextInput
                label="Email"
                type="email"
                required
                maxLength={254}
                autoComplete="email"
                inputMode="email"
                {...form.getInputProps('email')}
              />
              <TextInput
                label="Phone"
                description="Optional"
                type="tel"
                maxLength={40}
                autoComplete="tel"
                {...form.getInputProps('phone')}
              />
            </SimpleGrid>
            <Radio.Group label="How would you like us to reach you?" {...form.getInputProps('preferredContact')}>
              <Group gap="lg" mt="xs">
                {CONTACT_METHODS.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Radio.Group>
          </Section>

          <Section title="Peer support at your organization">
            <Checkbox.Group
              label="Which peer roles do you employ, or plan to?"
              description="Choose all that apply."
              {...form.getInputProps('peerRoles')}
            >
              <Stack gap="sm" mt="xs">
                {PEER_ROLES.map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} description={option.description} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Radio.Group label="Where is your program with peer support services?" required {...form.getInputProps('stage')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
                {STAGES.map((option) => (
                  <Radio.Card key={option.value} value={option.value} p="md" radius="md">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <div>
                        <Text fw={600}>{option.label}</Text>
                        <Text size="sm" c="dimmed">
                          {option.description}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </Radio.Group>
          </Section>

          <Section title="How can we help?" hint="Choose the topics closest to your question; we will work out the details together.">
            <TopicPicker
              values={form.values.topics}
              onChange={(topics) => form.setFieldValue('topics', topics)}
              error={form.errors.topics}
            />
            <Notice tone="caution" title="Please do not include client health information" role="note">
              Leave out the names and any details of the people your program serves. Tell us about your organization and what would help; we
              never need information about individual clients.
            </Notice>
            <div>
              <Textarea
                label="Your question"
                description="What are you working on, and what would help? For example: writing a job description for a Youth Peer Advocate, or supervising a newly hired peer specialist."
                required
                autosize
                minRows={5}
                maxRows={14}
                {...form.getInputProps('question')}
              />
              <QuestionCount length={form.values.question.length} />
            </div>
          </Section>

          {/* Honeypot: invisible to people and assistive technology, filled only by bots (the API thanks and ignores them). */}
          <div className={classes.honeypot} aria-hidden="true">
            <label htmlFor="request-website">Website</label>
            <input
              id="request-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={form.values.website}
              onChange={(event) => form.setFieldValue('website', event.currentTarget.value)}
            />
          </div>

          {problem && (
            <div ref={problemRef}>
              <Notice tone="error" title={problem.title} role="alert">
                {problem.message}
              </Notice>
            </div>
          )}

          <Group justify="flex-end">
            <Button type="submit" size="lg" loading={submit.isPending} w={{ base: '100%', sm: 'auto' }}>
              Send my request
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed" mt={4}>
              {hint}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Topics from the API, one checkbox group per goal area, in the order of the center's goals. */
function TopicPicker({ values, onChange, error }: { values: string[]; onChange: (values: string[]) => void; error?: ReactNode }) {
  const topics = useQuery(intakeTopicsQuery);

  if (topics.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading topics">
        <Skeleton h={18} w="60%" />
        <Skeleton h={18} w="80%" />
        <Skeleton h={18} w="70%" />
      </Stack>
    );
  }
  if (topics.isError) {
    return (
      <Notice tone="info" title="The list of topics did not load">
        <Stack gap="xs" align="flex-start">
          <span>You can still send your request: describe what you need below.</span>
          <Button size="xs" variant="default" onClick={() => void topics.refetch()}>
            Try loading the topics again
          </Button>
        </Stack>
      </Notice>
    );
  }

  const known = new Set(GOAL_AREAS.map((area) => area.value));
  const groups = [
    ...GOAL_AREAS.map((area) => ({ ...area, items: topics.data.filter((topic) => topic.goalArea === area.value) })),
    { value: 'other', label: 'Other topics', items: topics.data.filter((topic) => !known.has(topic.goalArea)) },
  ].filter((group) => group.items.length > 0);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
        {groups.map((group) => (
          <TopicGroup key={group.value} label={group.label} items={group.items} values={values} onChange={onChange} />
        ))}
      </SimpleGrid>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function TopicGroup({
  label,
  items,
  values,
  onChange,
}: {
  label: string;
  items: IntakeTopic[];
  values: string[];
  onChange: (values: string[]) => void;
}) {
  // Every group holds the whole selection; a click toggles one topic within it.
  return (
    <Checkbox.Group label={label} value={values} onChange={onChange} styles={{ label: { fontWeight: 600 } }}>
      <Stack gap="xs" mt="xs">
        {items.map((topic) => (
          <Checkbox key={topic.code} value={topic.code} label={topic.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function QuestionCount({ length }: { length: number }) {
  const over = length > QUESTION_MAX;
  const text =
    length < QUESTION_MIN
      ? `${length} of at least ${QUESTION_MIN} characters`
      : `${length.toLocaleString('en-US')} / ${QUESTION_MAX.toLocaleString('en-US')} characters`;
  return (
    <Text size="xs" ta="right" mt={4} c={over ? 'red.8' : 'dimmed'} fw={over ? 700 : undefined}>
      {text}
    </Text>
  );
}

function toBody(values: FormValues): IntakeBody {
  const phone = values.phone.trim();
  return {
    organizationName: values.organizationName.trim(),
    region: values.region as IntakeBody['region'],
    county: values.county.trim(),
    contactName: values.contactName.trim(),
    email: values.email.trim(),
    ...(phone ? { phone } : {}),
    role: values.role as IntakeBody['role'],
    populations: values.populations as IntakeBody['populations'],
    peerRoles: values.peerRoles as IntakeBody['peerRoles'],
    stage: values.stage as IntakeBody['stage'],
    topics: values.topics,
    question: values.question.trim(),
    preferredContact: values.preferredContact as IntakeBody['preferredContact'],
    ...(values.website ? { website: values.website } : {}),
  };
}

/** What went wrong, in words for someone outside the center; what they typed stays in the form. */
function describeFailure(error: Error, centerName: string): { title: string; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 429) return { title: 'Please wait a little while', message: error.message };
    if (error.status === 400) {
      return {
        title: 'Please check the highlighted fields',
        message: Object.keys(error.fieldErrors()).length
          ? 'A few answers need another look before we can send your request.'
          : error.message,
      };
    }
    if (error.status === 0) {
      return {
        title: `We could not reach ${centerName}`,
        message: 'Please check your internet connection and try again. Everything you typed is still here.',
      };
    }
  }
  return {
    title: 'Something went wrong on our side',
    message: 'Your request has not been sent yet. Everything you typed is still here; please try again in a few minutes.',
  };
}
