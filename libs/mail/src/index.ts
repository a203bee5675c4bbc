export { MailModule } from './mail.module.js';
export { MailService, type OutgoingMail } from './mail.service.js';
export { EMAIL_STATUSES, OutboundEmail, type EmailStatus } from './outbound-email.entity.js';
export { DeliveryError, MAX_DELIVERY_ATTEMPTS, OutboxService, type EmailToQueue } from './outbox.service.js';
export { insertEmailsSql, type EmailListRow, type TemplateDataSql } from './outbox.sql.js';
export {
  isTemplateName,
  renderEmail,
  renderStoredEmail,
  TEMPLATE_LABELS,
  TEMPLATE_NAMES,
  type ActionItemReminderData,
  type EmailCenter,
  type FollowUpReminderData,
  type TemplateData,
  type TemplateName,
} from './templates/templates.js';
