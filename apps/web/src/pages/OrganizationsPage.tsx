import { ComingSoon } from '../components/ComingSoon';

export function OrganizationsPage() {
  return <ComingSoon title="Organizations">Clinics and agencies, their contacts and their peer workforce will be listed here.</ComingSoon>;
}
