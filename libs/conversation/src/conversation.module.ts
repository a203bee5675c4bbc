import { Module } from '@nestjs/common';
import { CasesModule } from '@ta/cases';
import { MailModule } from '@ta/mail';
import { InboundMailService } from './inbound-mail.service.js';
import { MailboxPoll } from './mailbox-poll.js';
import { MessageFiles } from './message-files.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';

/** The email conversation on cases: owns case_threads and messages (docs/ARCHITECTURE.md §Ownership). */
@Module({
  imports: [CasesModule, MailModule],
  controllers: [MessagesController],
  providers: [MessagesService, InboundMailService, MailboxPoll, MessageFiles],
  exports: [MessagesService, InboundMailService, MailboxPoll],
})
export class ConversationModule {}
