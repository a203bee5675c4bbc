export { MailModule } from './mail.module.js';
export { MailService, type MailAttachment, type OutgoingMail } from './mail.service.js';
export { EMAIL_STATUSES, type EmailEnvelope, type EmailRecord, type EmailStatus } from './email-record.js';
export { DeliveryError, MAX_DELIVERY_ATTEMPTS, OutboxService, type AttachmentLoader, type EmailToQueue } from './outbox.service.js';
export { outboxInsertSql, type EmailListRow, type TemplateDataSql } from './outbox.sql.js';
export {
  isTemplateName,
  renderEmail,
  renderStoredEmail,
  TEMPLATE_LABELS,
  TEMPLATE_NAMES,
  type ActionItemReminderData,
  type AssessmentResultsEmail,
  type EmailCenter,
  type FollowUpReminderData,
  type TemplateData,
  type TemplateName,
} from './templates/templates.js';
