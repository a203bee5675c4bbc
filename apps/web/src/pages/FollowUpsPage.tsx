import { ComingSoon } from '../components/ComingSoon';

export function FollowUpsPage() {
  return (
    <ComingSoon title="Follow-ups">
      Your scheduled check-ins, sent resources and plan reviews will be listed here, soonest first.
    </ComingSoon>
  );
}
