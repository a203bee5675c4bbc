import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@ta/common';
import { AppConfig } from '@ta/config';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_CENTER, toPublicCenter, type CenterSettings, type PublicCenter } from './center.js';
import { LogoError, parseLogo, type LogoType } from './logo.js';
import { SELECT_CENTER, SELECT_LOGO, UPSERT_CENTER, type CenterRow, type LogoRow, type StoredCenter } from './settings.sql.js';

/**
 * How long a process keeps the center's settings before reading them again: every public page and every email reads
 * them, an admin changes them a few times a year. The process that saves them forgets its copy at once; other API
 * processes and the workers follow within this time.
 */
export const CENTER_CACHE_MS = 10_000;

/** What an admin sends: the names always; other fields left out stay as they are, null clears them. */
export interface CenterChanges {
  shortName: string;
  name: string;
  phone?: string | null;
  replyTo?: string | null;
  signature?: string | null;
  about?: string | null;
  /** A data URL (see logo.ts) replaces the logo, null removes it. */
  logo?: string | null;
}

export interface LogoFile {
  type: LogoType;
  version: string;
  bytes: Buffer;
}

/** Owns the settings table (ARCHITECTURE §Ownership): the center's identity, read by the API, the web app and the mail. */
@Injectable()
export class SettingsService {
  private cached?: { center: CenterSettings; logo?: LogoFile | null; expires: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async center(): Promise<CenterSettings> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.center;
    const [row] = (await this.dataSource.query(SELECT_CENTER)) as CenterRow[];
    const center = toCenter(row);
    this.cached = { center, expires: Date.now() + CENTER_CACHE_MS };
    return center;
  }

  async publicCenter(): Promise<PublicCenter> {
    return toPublicCenter(await this.center(), this.config.CENTER_TIME_ZONE);
  }

  /** The logo's bytes, or null when the center has none. */
  async logo(): Promise<LogoFile | null> {
    await this.center();
    const cached = this.cached;
    if (cached?.logo !== undefined) return cached.logo;
    const [row] = (await this.dataSource.query(SELECT_LOGO)) as LogoRow[];
    const logo = row ? { type: row.type, version: row.version, bytes: Buffer.from(row.data, 'base64') } : null;
    if (cached) cached.logo = logo;
    return logo;
  }

  async updateCenter(changes: CenterChanges, actorId: string | null): Promise<CenterSettings> {
    const stored: StoredCenter = { shortName: changes.shortName, name: changes.name };
    for (const field of ['phone', 'replyTo', 'signature', 'about'] as const) {
      if (changes[field] !== undefined) stored[field] = changes[field];
    }
    if (changes.logo === null) stored.logo = null;
    else if (changes.logo !== undefined) stored.logo = storedLogo(changes.logo);
    const [row] = (await this.dataSource.query(UPSERT_CENTER, [
      JSON.stringify(DEFAULT_CENTER),
      JSON.stringify(stored),
      actorId,
    ])) as CenterRow[];
    this.cached = undefined;
    return toCenter(row);
  }
}

function storedLogo(dataUrl: string): NonNullable<StoredCenter['logo']> {
  try {
    const { type, bytes } = parseLogo(dataUrl);
    return { type, version: createHash('sha256').update(bytes).digest('hex').slice(0, 16), data: bytes.toString('base64') };
  } catch (error) {
    if (error instanceof LogoError) throw fieldError('logo', `logo ${error.message}`);
    throw error;
  }
}

function toCenter(row: CenterRow | undefined): CenterSettings {
  const value = row?.value ?? {};
  return {
    shortName: value.shortName ?? DEFAULT_CENTER.shortName,
    name: value.name ?? DEFAULT_CENTER.name,
    phone: value.phone ?? null,
    replyTo: value.replyTo ?? null,
    signature: value.signature ?? null,
    about: value.about ?? null,
    logo: value.logo ? { type: value.logo.type, version: value.logo.version } : null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}
