export { ContactDto, toContactDto } from './dto/contact.dto.js';
export {
  CONTACT_ROLE_LABELS,
  CONTACT_ROLES,
  IMPLEMENTATION_STAGES,
  normalizeOrganizationName,
  OMH_REGIONS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  PEER_ROLE_LABELS,
  PEER_ROLES,
  POPULATION_LABELS,
  POPULATIONS,
  REGION_LABELS,
  STAGE_LABELS,
  type ContactRole,
  type ImplementationStage,
  type OmhRegion,
  type OrganizationKind,
  type PeerRole,
  type Population,
} from './organization-enums.js';
export { OrganizationsModule } from './organizations.module.js';
export { OrganizationsService, type ContactRef, type IntakeMatch, type IntakeRequester } from './organizations.service.js';
