import type { EntityManager } from 'typeorm';
import type { LogoType } from './logo.js';

/** The settings table (owned by libs/settings): one jsonb value per key. */
export const CENTER_KEY = 'center';

/** The `center` value as stored: the logo's bytes (base64) sit beside its type and version. */
export interface StoredCenter {
  shortName?: string;
  name?: string;
  phone?: string | null;
  replyTo?: string | null;
  signature?: string | null;
  about?: string | null;
  logo?: { type: LogoType; version: string; data: string } | null;
}

export interface CenterRow {
  value: Omit<StoredCenter, 'logo'> & { logo?: { type: LogoType; version: string } | null };
  updated_at: Date;
}

export interface LogoRow {
  type: LogoType;
  version: string;
  data: string;
}

/** The center's settings without the logo's bytes (the hot read: every public page and every email). */
export const SELECT_CENTER = `SELECT value #- '{logo,data}' AS value, updated_at FROM settings WHERE key = '${CENTER_KEY}'`;

export const SELECT_LOGO = `
  SELECT value->'logo'->>'type' AS type, value->'logo'->>'version' AS version, value->'logo'->>'data' AS data
  FROM settings WHERE key = '${CENTER_KEY}' AND jsonb_typeof(value->'logo') = 'object'`;

/**
 * Sets the fields in $2 and leaves the others as they are (jsonb `||` replaces top-level keys only); a first write
 * starts from the defaults in $1. One statement, so two admins saving at once each land whole.
 */
export const UPSERT_CENTER = `
  INSERT INTO settings (key, value, updated_by, updated_at) VALUES ('${CENTER_KEY}', $1::jsonb || $2::jsonb, $3, now())
  ON CONFLICT (key) DO UPDATE SET value = settings.value || $2::jsonb, updated_by = $3, updated_at = now()
  RETURNING value #- '{logo,data}' AS value, updated_at`;

/** The demo seed's center, written only where no center has been set (an admin's edits are never overwritten). */
export async function seedCenter(manager: EntityManager, center: StoredCenter): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO settings (key, value) VALUES ('${CENTER_KEY}', $1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [JSON.stringify(center)],
  )) as unknown[];
  return rows.length > 0;
}
