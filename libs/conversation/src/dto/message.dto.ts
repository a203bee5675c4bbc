import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttachmentDto } from '@ta/attachments';
import { Optional, Trim } from '@ta/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export const MESSAGE_DIRECTIONS = ['outbound', 'inbound'] as const;
/** Where a message came from: written on the case, an email to the center's mailbox, or the requester's status page. */
export const MESSAGE_ORIGINS = ['staff', 'email', 'status_page'] as const;
export const AUTO_REPLY_KINDS = ['auto_reply', 'bounce'] as const;
export const AUTO_REPLY_KIND_LABELS: Record<(typeof AUTO_REPLY_KINDS)[number], string> = {
  auto_reply: 'Automatic reply',
  bounce: 'Bounce',
};
/** An outbound message's delivery: its outbox email's status. */
export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;
export const MESSAGE_STATUS_LABELS: Record<(typeof MESSAGE_STATUSES)[number], string> = {
  pending: 'Sending',
  sent: 'Sent',
  failed: 'Not delivered',
};
/** How an inbound message found its case. */
export const MATCHED_BY = ['reply_address', 'thread', 'reference', 'assigned', 'status_page'] as const;

const trimEach = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

export class SendMessageDto {
  @ApiProperty({ type: [String], example: ['jordan.lee@clinic.example.org'], description: "the case's contacts or any other addresses" })
  @trimEach()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  to: string[];

  @ApiProperty({ example: 'TA-2026-00042: draft job description' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  subject: string;

  @ApiProperty({ description: "the message; the center's signature is added under it" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  body: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'files of this case to attach (POST /cases/{id}/attachments)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class MessageAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null while unmatched' }) caseId: string | null;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) direction: (typeof MESSAGE_DIRECTIONS)[number];
  @ApiProperty({ enum: MESSAGE_ORIGINS }) origin: (typeof MESSAGE_ORIGINS)[number];
  @ApiProperty({ enum: MATCHED_BY, nullable: true }) matchedBy: (typeof MATCHED_BY)[number] | null;
  @ApiProperty({ nullable: true, type: String }) fromName: string | null;
  @ApiProperty({ nullable: true, type: String }) fromAddress: string | null;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ type: [String] }) cc: string[];
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'what the writer wrote: quoted history and signature folded away' }) body: string;
  @ApiProperty({ description: 'the whole text, quoted history included' }) fullBody: string;
  @ApiProperty({ description: 'body leaves part of fullBody out' }) folded: boolean;
  @ApiProperty({ enum: AUTO_REPLY_KINDS, nullable: true, description: 'an out-of-office answer or a bounce: not clinic activity' })
  autoReply: (typeof AUTO_REPLY_KINDS)[number] | null;
  @ApiProperty({ type: MessageAuthorDto, nullable: true, description: 'the staff member who wrote it' }) author: MessageAuthorDto | null;
  @ApiProperty({ enum: MESSAGE_STATUSES, nullable: true, description: 'outbound: where its email is' })
  status: (typeof MESSAGE_STATUSES)[number] | null;
  @ApiProperty({ description: 'the original email can be downloaded (GET /messages/{id}/raw)' }) hasRaw: boolean;
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) receivedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class ThreadDto {
  @ApiProperty({ type: [MessageDto], description: 'oldest first' }) items: MessageDto[];
  @ApiProperty({ nullable: true, type: String, description: "the case's reply address, when REPLY_ADDRESS is set" })
  replyAddress: string | null;
}

export class MessageListDto {
  @ApiProperty({ type: [MessageDto] }) items: MessageDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AssignMessageDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId: string;
}

export class CaseFromMessageDto {
  @ApiProperty({ format: 'uuid', description: 'the organization the mail is from' })
  @IsUUID()
  organizationId: string;

  @ApiPropertyOptional({ description: "the new case's title; the mail's subject when left out" })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;
}

export class AddedInformationDto {
  @ApiProperty({ format: 'uuid' }) messageId: string;
}
