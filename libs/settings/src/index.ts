export { centerLine, DEFAULT_CENTER, LOGO_PATH, toPublicCenter, type CenterSettings, type PublicCenter } from './center.js';
export { CenterSettingsDto, PublicCenterDto, toCenterSettingsDto, UpdateCenterSettingsDto } from './dto/center-settings.dto.js';
export { LOGO_MAX_BYTES, LOGO_TYPES, type LogoType } from './logo.js';
export { SettingsModule } from './settings.module.js';
export { CENTER_CACHE_MS, SettingsService, type CenterChanges, type LogoFile } from './settings.service.js';
export { seedCenter, type StoredCenter } from './settings.sql.js';
