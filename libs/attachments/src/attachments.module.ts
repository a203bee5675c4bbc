import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@ta/cases';
import { AppConfig } from '@ta/config';
import { EngagementModule } from '@ta/engagement';
import { IntakeModule } from '@ta/intake';
import { ATTACHMENT_STORAGE, LocalDiskStorage } from './attachment-storage.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Attachment]), CasesModule, EngagementModule, IntakeModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    // The one store in use; an S3-compatible one would be chosen here by a setting (docs/ARCHITECTURE.md "Attachments").
    { provide: ATTACHMENT_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.STORAGE_DIR) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
