import { Module } from '@nestjs/common';
import { MailModule } from '@ta/mail';
import { SettingsModule } from '@ta/settings';
import { EmailsController } from './emails.controller.js';

@Module({ imports: [MailModule, SettingsModule], controllers: [EmailsController] })
export class EmailsModule {}
