export { MailModule } from './mail.module.js';
export { MailService, type OutgoingMail } from './mail.service.js';
export { EMAIL_STATUSES, type EmailStatus } from './outbound-email.entity.js';
/** An outbox row as the Emails page shows it: a type only, the entity stays this lib's. */
export type { OutboundEmail as EmailRecord } from './outbound-email.entity.js';
export { DeliveryError, MAX_DELIVERY_ATTEMPTS, OutboxService, type EmailToQueue } from './outbox.service.js';
export { outboxInsertSql, type EmailListRow } from './outbox.sql.js';
export { renderEmail, TEMPLATE_NAMES, type AssessmentResultsEmail, type EmailCenter } from './templates/templates.js';
