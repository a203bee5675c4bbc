import { Injectable } from '@nestjs/common';
import { fieldError } from '@ta/common';
import type { MessageAttachmentDto } from './dto/message.dto.js';

export interface InboundFile {
  fileName: string;
  content: Buffer;
}

/** The files of messages, kept by libs/attachments (wired when that lib lands). */
@Injectable()
export class MessageFiles {
  async assertOnCase(_caseId: string, attachmentIds: string[]): Promise<void> {
    if (attachmentIds.length) throw fieldError('attachmentIds', 'attachments are not available yet');
  }

  async attach(_caseId: string, _attachmentIds: string[], _messageId: string): Promise<void> {}

  async forMessages(_messageIds: string[]): Promise<Map<string, MessageAttachmentDto[]>> {
    return new Map();
  }

  async storeInbound(
    _caseId: string,
    _messageId: string,
    _files: InboundFile[],
    _origin: 'inbound_email' | 'clinic_status_page',
  ): Promise<void> {}
}
