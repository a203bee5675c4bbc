import { GOAL_AREA_LABELS, MODALITY_LABELS, POPULATION_LABELS, REGION_LABELS, SERVICE_LINE_LABELS } from '../../api/labels';
/**
 * The words people read for the codes a chart groups by (region, goal area, service line, population, modality): the
 * app's one label table, so a chart says what the case list and the CSVs say.
 */
const LABELS: Record<string, string> = {
  ...REGION_LABELS,
  ...GOAL_AREA_LABELS,
  ...SERVICE_LINE_LABELS,
  ...POPULATION_LABELS,
  ...MODALITY_LABELS,
  unspecified: 'Not specified',
};

export function labelOf(code: string): string {
  return LABELS[code] ?? code;
}

export const GOAL_AREA_COLORS: Record<string, string> = {
  readiness: 'indigo.7',
  capacity: 'teal.8',
  fidelity: 'orange.8',
  retention: 'grape.7',
  unspecified: 'gray.6',
};
