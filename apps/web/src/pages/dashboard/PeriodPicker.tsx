import { Button, Group } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { addDays, matchingPreset, PRESETS, presetPeriod, type Period } from './period';

/** Quarter presets as buttons, and any range of days in a calendar (the last day shown is included). */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const active = matchingPreset(value);
  // While a range is half picked, keep it here; the page changes only when both ends are chosen.
  const [draft, setDraft] = useState<[string | null, string | null] | null>(null);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Group gap={4} role="group" aria-label="Period presets">
        {PRESETS.map((preset) => (
          <Button
            key={preset.key}
            size="xs"
            variant={active === preset.key ? 'filled' : 'default'}
            aria-pressed={active === preset.key}
            onClick={() => onChange(presetPeriod(preset.key))}
          >
            {preset.label}
          </Button>
        ))}
      </Group>
      <DatePickerInput
        type="range"
        label="Period"
        size="xs"
        w={240}
        valueFormat="MMM D, YYYY"
        value={draft ?? [value.from, addDays(value.to, -1)]}
        allowSingleDateInRange
        onChange={(range) => {
          const [start, end] = range as [string | null, string | null];
          if (start && end) {
            setDraft(null);
            onChange({ from: start, to: addDays(end, 1) });
          } else setDraft([start, end]);
        }}
        popoverProps={{ onClose: () => setDraft(null) }}
        presets={PRESETS.map((preset) => {
          const p = presetPeriod(preset.key);
          return { label: preset.label, value: [p.from, addDays(p.to, -1)] as [string, string] };
        })}
      />
    </Group>
  );
}
