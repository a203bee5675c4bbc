export { ATTACHED_TO, ATTACHMENT_ORIGIN_LABELS, ATTACHMENT_ORIGINS, type AttachedTo, type AttachmentOrigin } from './attachment-enums.js';
export { ATTACHMENT_STORAGE, LocalDiskStorage, type AttachmentStorage } from './attachment-storage.js';
export { AttachmentsModule } from './attachments.module.js';
export {
  AttachmentsService,
  cleanFileName,
  type AttachmentDownload,
  type MessageCheck,
  type NewAttachment,
} from './attachments.service.js';
export { AttachmentDto, AttachmentUploaderDto } from './dto/attachment.dto.js';
export { ALLOWED_EXTENSIONS } from './file-kinds.js';
export { asHttpError, readMultipartFiles, type MultipartOptions, type MultipartPart } from './multipart.js';
