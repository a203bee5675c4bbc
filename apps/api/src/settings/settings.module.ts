import { Module } from '@nestjs/common';
import { SettingsModule } from '@ta/settings';
import { SettingsController } from './settings.controller.js';

@Module({ imports: [SettingsModule], controllers: [SettingsController] })
export class CenterSettingsModule {}
