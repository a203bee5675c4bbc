import { ComingSoon } from '../components/ComingSoon';

export function CasesPage() {
  return (
    <ComingSoon title="Cases">
      Cases will be listed here: filter by status, priority, consultant and topic, and open a case to log consultations.
    </ComingSoon>
  );
}
