import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@ta/queue';
import { SettingsModule } from '@ta/settings';
import { MailService } from './mail.service.js';
import { OutboundEmail } from './outbound-email.entity.js';
import { OutboxService } from './outbox.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboundEmail]), QueueModule, SettingsModule],
  providers: [MailService, OutboxService],
  exports: [MailService, OutboxService],
})
export class MailModule {}
