import { Button, Group, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/session';
import { todayIn } from '../../components/centerTime';
import { addDays, matchingPresets, presetPeriod, presets, type Preset, type Period } from './period';

const KINDS: { kind: Preset['kind']; label: string }[] = [
  { kind: 'calendar', label: 'Calendar' },
  { kind: 'fiscal', label: 'NY State fiscal year (April–March)' },
];

/**
 * Presets as buttons, calendar and New York State fiscal (April–March), and any range of days in a calendar (the last
 * day shown is included).
 */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const today = todayIn(useCurrentUser().centerTimeZone);
  const all = presets(today);
  const active = matchingPresets(value, today);
  // While a range is half picked, keep it here; the page changes only when both ends are chosen.
  const [draft, setDraft] = useState<[string | null, string | null] | null>(null);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Stack gap={4} role="group" aria-label="Period presets">
        {KINDS.map(({ kind, label }) => (
          <Group key={kind} gap={4} role="group" aria-label={label} wrap="wrap">
            <Text size="xs" c="dimmed" w={90} aria-hidden>
              {kind === 'calendar' ? 'Calendar' : 'NY fiscal year'}
            </Text>
            {all
              .filter((preset) => preset.kind === kind)
              .map((preset) => (
                <Button
                  key={preset.key}
                  size="xs"
                  variant={active.has(preset.key) ? 'filled' : 'default'}
                  aria-pressed={active.has(preset.key)}
                  onClick={() => onChange(presetPeriod(preset.key, today))}
                >
                  {preset.label}
                </Button>
              ))}
          </Group>
        ))}
      </Stack>
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
        presets={all.map((preset) => {
          const p = presetPeriod(preset.key, today);
          return { label: preset.label, value: [p.from, addDays(p.to, -1)] as [string, string] };
        })}
      />
    </Group>
  );
}
