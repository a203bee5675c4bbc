import { ApiProperty } from '@nestjs/swagger';
import { ATTACHED_TO, ATTACHMENT_ORIGINS, type AttachedTo, type AttachmentOrigin } from '../attachment-enums.js';

export class AttachmentUploaderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** A file as staff see it in lists: name, size, type, who, when and where from. */
export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  consultationId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'when the session the file is on was held (ISO 8601)' })
  consultationStartedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  messageId: string | null;

  @ApiProperty({ enum: ATTACHED_TO, enumName: 'AttachedTo', description: 'a message, else a session, else the case' })
  attachedTo: AttachedTo;

  @ApiProperty()
  fileName: string;

  @ApiProperty({ description: 'sniffed from the bytes' })
  contentType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty({ description: 'SHA-256 of the bytes, hex' })
  sha256: string;

  @ApiProperty({ enum: ATTACHMENT_ORIGINS, enumName: 'AttachmentOrigin' })
  origin: AttachmentOrigin;

  @ApiProperty({ type: AttachmentUploaderDto, nullable: true, description: 'null when the clinic or the system added it' })
  uploadedBy: AttachmentUploaderDto | null;

  @ApiProperty({ description: 'ISO 8601' })
  createdAt: string;
}
