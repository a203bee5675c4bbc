import { ComingSoon } from '../components/ComingSoon';

export function DashboardPage() {
  return (
    <ComingSoon title="Dashboard">Caseloads, stalled engagements and TA activity for the funder report will be shown here.</ComingSoon>
  );
}
