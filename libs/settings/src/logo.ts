/**
 * The center's logo arrives as a data URL in JSON (API bodies are JSON only) and is trusted only after its bytes say
 * what it is: PNG and JPEG by their magic numbers, SVG by parsing as text and refusing anything active in it. It is
 * served back only from its own URL as an image, for <img> tags (where an SVG never runs scripts anyway).
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** 200 kB of image: a logo, not a photograph. */
export const LOGO_MAX_BYTES = 200 * 1024;
/** The data URL of the largest logo: base64 grows 4/3, plus the `data:image/svg+xml;base64,` prefix. */
export const LOGO_DATA_URL_MAX_LENGTH = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40;
export const LOGO_DATA_URL = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

export interface Logo {
  type: LogoType;
  bytes: Buffer;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Buffer, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** An SVG document: optional XML declaration and comments, then the <svg> element, and nothing after its end. */
const SVG_SHAPE = /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>][\s\S]*<\/svg>\s*$/i;
/** What could act in an SVG opened on its own or inlined: scripts, event handlers, script URLs, HTML islands, entities. */
const SVG_ACTIVE = [
  [/<script/i, 'a script'],
  [/\son[a-z]+\s*=/i, 'an event handler (on… attribute)'],
  [/javascript:|vbscript:/i, 'a script URL'],
  [/<foreignObject/i, 'embedded HTML (foreignObject)'],
  [/<!DOCTYPE|<!ENTITY/i, 'a DOCTYPE or entity declaration'],
  [/<(iframe|embed|object|audio|video)[\s>]/i, 'embedded content'],
] as const;

/** Reads a logo data URL; throws a LogoError saying what is wrong, in words for the admin who uploaded it. */
export function parseLogo(dataUrl: string): Logo {
  const match = LOGO_DATA_URL.exec(dataUrl);
  if (!match) throw new LogoError('must be a PNG, JPEG or SVG image as a base64 data URL');
  const declared = `image/${match[1]}` as LogoType;
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length === 0) throw new LogoError('is empty');
  if (bytes.length > LOGO_MAX_BYTES)
    throw new LogoError(`must be at most ${LOGO_MAX_BYTES / 1024} kB (this one is ${Math.ceil(bytes.length / 1024)} kB)`);
  const sniffed = sniff(bytes);
  if (!sniffed) throw new LogoError('is not a PNG, JPEG or SVG image (its content says otherwise)');
  if (sniffed !== declared) throw new LogoError(`says it is ${declared} but its content is ${sniffed}`);
  if (sniffed === 'image/svg+xml') checkSvg(bytes);
  return { type: sniffed, bytes };
}

function sniff(bytes: Buffer): LogoType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  const text = svgText(bytes);
  return text !== null && SVG_SHAPE.test(text) ? 'image/svg+xml' : null;
}

function svgText(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).trim();
  } catch {
    return null;
  }
}

function checkSvg(bytes: Buffer): void {
  const text = svgText(bytes) ?? '';
  for (const [pattern, what] of SVG_ACTIVE) {
    if (pattern.test(text)) throw new LogoError(`is an SVG with ${what}; a logo must be a plain drawing`);
  }
}

export class LogoError extends Error {
  override name = 'LogoError';
}
