export { MailModule } from './mail.module.js';
export { MailService, type OutgoingMail } from './mail.service.js';
