import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { organizationQuery, organizationsQuery, type Organization } from '../api/organizations';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (organizationId: string | null) => void;
};

/** A searchable organization select: typing searches the API (name, similar names), 20 at a time. */
export function OrganizationPicker({ value, onChange, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useQuery({ ...organizationQuery(value ?? ''), enabled: !!value });
  // While the box shows the selected organization, list from the start rather than searching for its label.
  const q = debounced && (!selected.data || debounced !== labelOf(selected.data)) ? debounced : undefined;
  const results = useQuery({ ...organizationsQuery({ q, pageSize: 20 }), placeholderData: keepPreviousData });

  const items = results.data?.items ?? [];
  const data = items.map((org) => ({ value: org.id, label: labelOf(org) }));
  if (selected.data && !items.some((org) => org.id === selected.data.id))
    data.unshift({ value: selected.data.id, label: labelOf(selected.data) });

  return (
    <Select
      searchable
      clearable
      // The API already filtered by name (including similar spellings); do not filter again on the label.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No organization matches'}
      {...props}
      data={data}
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
    />
  );
}

function labelOf(org: Pick<Organization, 'name' | 'county'>): string {
  return `${org.name} (${org.county})`;
}
