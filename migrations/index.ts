import { Init1764000000000 } from './1764000000000-Init.js';
import { OrganizationsAndCases1764100000000 } from './1764100000000-OrganizationsAndCases.js';
import { Engagement1764200000000 } from './1764200000000-Engagement.js';
import { Outbox1764300000000 } from './1764300000000-Outbox.js';
import { Intake1764400000000 } from './1764400000000-Intake.js';
import { Escalation1764500000000 } from './1764500000000-Escalation.js';
import { Reporting1764600000000 } from './1764600000000-Reporting.js';
import { ReportingFacts1764700000000 } from './1764700000000-ReportingFacts.js';
import { Casework1764800000000 } from './1764800000000-Casework.js';
import { AccentInsensitiveSearch1764900000000 } from './1764900000000-AccentInsensitiveSearch.js';
import { Settings1765000000000 } from './1765000000000-Settings.js';
import { Assessments1765100000000 } from './1765100000000-Assessments.js';
import { Attachments1765200000000 } from './1765200000000-Attachments.js';
import { Conversation1765300000000 } from './1765300000000-Conversation.js';
import { Surveys1765400000000 } from './1765400000000-Surveys.js';
import { CenterTimeZone1765800000000 } from './1765800000000-CenterTimeZone.js';

/** Every migration, oldest first. A generated migration is added here by hand, after review. */
export const allMigrations = [
  Init1764000000000,
  OrganizationsAndCases1764100000000,
  Engagement1764200000000,
  Outbox1764300000000,
  Intake1764400000000,
  Escalation1764500000000,
  Reporting1764600000000,
  ReportingFacts1764700000000,
  Casework1764800000000,
  AccentInsensitiveSearch1764900000000,
  Settings1765000000000,
  Assessments1765100000000,
  Attachments1765200000000,
  Conversation1765300000000,
  Surveys1765400000000,
  CenterTimeZone1765800000000,
];
