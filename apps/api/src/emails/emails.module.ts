import { Module } from '@nestjs/common';
import { MailModule } from '@ta/mail';
import { EmailsController } from './emails.controller.js';

@Module({ imports: [MailModule], controllers: [EmailsController] })
export class EmailsModule {}
