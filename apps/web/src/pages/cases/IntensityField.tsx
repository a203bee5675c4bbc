import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Case } from '../../api/cases';
import { caseIntensityQuery } from '../../api/intensity';
import { INTENSITY_LABELS, labelOf } from '../../api/labels';

/** The tier a consultant set, or until then the tier the TA delivered suggests, with why. */
export function IntensityValue({ item }: { item: Case }) {
  const info = useQuery({ ...caseIntensityQuery(item.id), enabled: !item.intensity });
  if (item.intensity) return <Text size="sm">{labelOf(INTENSITY_LABELS, item.intensity)}</Text>;
  if (!info.data) return <Text size="sm">Not set</Text>;
  return (
    <Text size="sm">
      Not set · suggested: <strong>{labelOf(INTENSITY_LABELS, info.data.suggested)}</strong> ({info.data.reason})
    </Text>
  );
}
