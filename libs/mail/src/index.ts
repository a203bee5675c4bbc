export { MailModule } from './mail.module.js';
export { MailService, type MailAttachment, type OutgoingMail } from './mail.service.js';
export { EMAIL_STATUSES, OutboundEmail, type EmailStatus } from './outbound-email.entity.js';
export {
  DeliveryError,
  MAX_DELIVERY_ATTEMPTS,
  OutboxService,
  type AttachmentLoader,
  type EmailEnvelope,
  type EmailToQueue,
} from './outbox.service.js';
export type { EmailListRow } from './outbox.sql.js';
export { renderEmail, TEMPLATE_NAMES, type EmailCenter } from './templates/templates.js';
