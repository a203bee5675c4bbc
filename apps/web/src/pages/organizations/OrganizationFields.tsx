import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { isNotEmpty } from '@mantine/form';
import {
  KIND_OPTIONS,
  PEER_ROLE_OPTIONS,
  POPULATION_OPTIONS,
  REGION_OPTIONS,
  STAGE_OPTIONS,
  type OrganizationKind,
  type PeerRole,
  type Population,
  type Region,
  type Stage,
} from '../../api/labels';
import type { CreateOrganizationBody, Organization } from '../../api/organizations';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { atMostChars, wholeNumberIn } from '../../components/limits';

const WORKFORCE_MAX = 10000;
const NOTES_MAX = 5000;
/** No quiet clamping: 20000 stays 20000 and the field says what is allowed. */
const countProps = { min: 0, max: WORKFORCE_MAX, allowDecimal: false, allowNegative: false, clampBehavior: 'none' } as const;

export interface OrganizationValues {
  name: string;
  kind: OrganizationKind;
  region: Region | null;
  county: string;
  populations: Population[];
  stage: Stage;
  peerRoles: PeerRole[];
  nycps: number | string;
  ypa: number | string;
  fpa: number | string;
  notes: string;
}

export function organizationValues(org?: Organization): OrganizationValues {
  return {
    name: org?.name ?? '',
    kind: org?.kind ?? 'mhotrs_clinic',
    region: org?.region ?? null,
    county: org?.county ?? '',
    populations: org?.populations ?? [],
    stage: org?.stage ?? 'exploring',
    peerRoles: org?.peerRoles ?? [],
    nycps: org?.peerWorkforce.nycps ?? 0,
    ypa: org?.peerWorkforce.ypa ?? 0,
    fpa: org?.peerWorkforce.fpa ?? 0,
    notes: org?.notes ?? '',
  };
}

export const organizationValidation = {
  name: isNotEmpty('Enter the organization’s name'),
  region: isNotEmpty('Pick the OMH region'),
  county: isNotEmpty('Enter the county'),
  nycps: wholeNumberIn(0, WORKFORCE_MAX, { unit: 'people' }),
  ypa: wholeNumberIn(0, WORKFORCE_MAX, { unit: 'people' }),
  fpa: wholeNumberIn(0, WORKFORCE_MAX, { unit: 'people' }),
  notes: atMostChars(NOTES_MAX),
};

/** Out-of-range counts say so as the field is left (the API's limits, CreateOrganizationDto). */
export const organizationBlurChecks = ['nycps', 'ypa', 'fpa', 'notes'];

export function toOrganizationBody(values: OrganizationValues): CreateOrganizationBody {
  return {
    name: values.name,
    kind: values.kind,
    region: values.region as Region,
    county: values.county,
    populations: values.populations,
    stage: values.stage,
    peerRoles: values.peerRoles,
    peerWorkforce: { nycps: Number(values.nycps) || 0, ypa: Number(values.ypa) || 0, fpa: Number(values.fpa) || 0 },
    notes: values.notes,
  };
}

/** API field names onto the form's (the peer workforce is nested in the body, flat in the form). */
export function organizationField(field: string): string {
  return field.replace(/^peerWorkforce\./, '');
}

export function OrganizationFields({ form }: { form: UseFormReturnType<OrganizationValues> }) {
  return (
    <Stack>
      <TextInput label="Name" required maxLength={200} data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} required {...form.getInputProps('kind')} />
        <Select label="Implementation stage" data={STAGE_OPTIONS} allowDeselect={false} required {...form.getInputProps('stage')} />
        <Select label="OMH region" data={REGION_OPTIONS} placeholder="Pick a region" required {...form.getInputProps('region')} />
        <TextInput label="County" required maxLength={60} {...form.getInputProps('county')} />
      </SimpleGrid>
      <Checkbox.Group label="Populations served" {...form.getInputProps('populations')}>
        <Group mt="xs">
          {POPULATION_OPTIONS.map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group label="Peer roles employed or planned" {...form.getInputProps('peerRoles')}>
        <Group mt="xs">
          {PEER_ROLE_OPTIONS.map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label="Peer specialists (NYCPS)" {...countProps} {...form.getInputProps('nycps')} />
        <NumberInput label="Youth peer advocates (YPA-C)" {...countProps} {...form.getInputProps('ypa')} />
        <NumberInput label="Family peer advocates (FPA-C)" {...countProps} {...form.getInputProps('fpa')} />
      </SimpleGrid>
      <LimitedTextarea label="Notes" autosize minRows={2} maxRows={8} limit={NOTES_MAX} {...form.getInputProps('notes')} />
    </Stack>
  );
}
