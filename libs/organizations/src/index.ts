export { Contact } from './contact.entity.js';
export { ContactDto, toContactDto } from './dto/contact.dto.js';
export {
  CONTACT_ROLES,
  IMPLEMENTATION_STAGES,
  normalizeOrganizationName,
  OMH_REGIONS,
  ORGANIZATION_KINDS,
  POPULATIONS,
  type ContactRole,
  type ImplementationStage,
  type OmhRegion,
  type OrganizationKind,
  type Population,
} from './organization-enums.js';
export { Organization } from './organization.entity.js';
export { OrganizationsModule } from './organizations.module.js';
export { OrganizationsService } from './organizations.service.js';
