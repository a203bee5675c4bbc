export { ConversationModule } from './conversation.module.js';
export {
  AssignMessageDto,
  AUTO_REPLY_KIND_LABELS,
  CaseFromMessageDto,
  MESSAGE_STATUS_LABELS,
  MessageDto,
  SendMessageDto,
  ThreadDto,
} from './dto/message.dto.js';
export { InboundMailService, type IngestResult } from './inbound-mail.service.js';
export { MailboxPoll, type PollReport } from './mailbox-poll.js';
/** Pure mail-reading rules, for the demo seed to leave messages as the worker would. */
export { newReplyToken, visibleText } from './mail-reading.js';
export { MessagesService } from './messages.service.js';
