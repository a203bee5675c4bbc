import { Module } from '@nestjs/common';
import { AttachmentsModule } from '@ta/attachments';
import { CasesModule } from '@ta/cases';
import { IntakeModule } from '@ta/intake';
import { MailModule } from '@ta/mail';
import { StaffDirectoryModule } from '@ta/users';
import { InboundMailService } from './inbound-mail.service.js';
import { MailboxPoll } from './mailbox-poll.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { StatusPageController } from './status-page.controller.js';

/** The email conversation on cases: owns case_threads and messages (docs/ARCHITECTURE.md §Ownership). */
@Module({
  imports: [CasesModule, MailModule, AttachmentsModule, IntakeModule, StaffDirectoryModule],
  controllers: [MessagesController, StatusPageController],
  providers: [MessagesService, InboundMailService, MailboxPoll],
  exports: [MessagesService, InboundMailService, MailboxPoll],
})
export class ConversationModule {}
