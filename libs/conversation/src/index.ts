export { ConversationModule } from './conversation.module.js';
export { AssignMessageDto, CaseFromMessageDto, MessageDto, SendMessageDto, ThreadDto } from './dto/message.dto.js';
export { InboundMailService, type IngestResult } from './inbound-mail.service.js';
export { MailboxPoll, type PollReport } from './mailbox-poll.js';
export { MessagesService } from './messages.service.js';
