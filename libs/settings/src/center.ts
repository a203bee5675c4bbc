import type { LogoType } from './logo.js';

/** The center's identity as TA Desk uses it: on the public pages, printable plans and every email. */
export interface CenterSettings {
  /** What people call the center, in titles, the staff shell and emails ("PeerTAC"). */
  shortName: string;
  /** Its full name, under the short one ("Peer Support Services Technical Assistance Center"). */
  name: string;
  phone: string | null;
  /** Where replies to TA Desk's emails go (their Reply-To); null: nowhere but the sender, MAIL_FROM. */
  replyTo: string | null;
  /** Closes every email and printable plan; several lines allowed. */
  signature: string | null;
  /** A few sentences about the center at the foot of the public pages. */
  about: string | null;
  /** The logo's type and a version that changes with its content (its URL carries it, so browsers may cache it). */
  logo: { type: LogoType; version: string } | null;
  updatedAt: string | null;
}

/** The center's fields anyone may read (the public pages show them); never the reply-to address or signature. */
export interface PublicCenter {
  shortName: string;
  name: string;
  phone: string | null;
  about: string | null;
  logoUrl: string | null;
  /** CENTER_TIME_ZONE: a clinic reads dates in the center's zone, whatever its browser's (docs/ARCHITECTURE.md §Contracts). */
  timeZone: string;
}

/** Until an admin names the center: neutral words, nobody's in particular. */
export const DEFAULT_CENTER: Omit<CenterSettings, 'updatedAt'> = {
  shortName: 'TA Desk',
  name: 'Technical Assistance Center',
  phone: null,
  replyTo: null,
  signature: null,
  about: null,
  logo: null,
};

export const LOGO_PATH = '/api/v1/settings/center/logo';

export const logoUrlOf = (center: Pick<CenterSettings, 'logo'>): string | null =>
  center.logo ? `${LOGO_PATH}?v=${center.logo.version}` : null;

export const toPublicCenter = (center: CenterSettings, timeZone: string): PublicCenter => ({
  shortName: center.shortName,
  name: center.name,
  phone: center.phone,
  about: center.about,
  logoUrl: logoUrlOf(center),
  timeZone,
});

/** "PeerTAC · Peer Support Services Technical Assistance Center": the center's name in a footer line. */
export const centerLine = (center: Pick<CenterSettings, 'shortName' | 'name'>): string =>
  center.name && center.name !== center.shortName ? `${center.shortName} · ${center.name}` : center.shortName;
