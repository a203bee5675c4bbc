import { randomBytes } from 'node:crypto';
import EmailReplyParser from 'email-reply-parser';
import type { ParsedMail } from 'mailparser';

/**
 * Pure rules for reading inbound mail (libs/conversation, docs/ARCHITECTURE.md §Jobs): how a reply finds its case,
 * what counts as an automatic answer, and what of a body people read first.
 */

/** The case's reply token: 12 characters of base32 (60 random bits), lowercase, safe in any address's local part. */
export function newReplyToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join('');
}

const TOKEN_SHAPE = /^[a-z2-7]{12}$/;

/** `ta+k3x9…@center.org` for REPLY_ADDRESS `ta@center.org`. */
export function plusAddress(replyAddress: string, token: string): string {
  const at = replyAddress.lastIndexOf('@');
  return `${replyAddress.slice(0, at)}+${token}${replyAddress.slice(at)}`;
}

/**
 * Reply tokens found in the addresses a mail was sent to: `base+token@domain` where base and domain are
 * REPLY_ADDRESS's (case-insensitive: some servers lowercase or uppercase local parts).
 */
export function replyTokensIn(addresses: string[], replyAddress: string): string[] {
  if (!replyAddress) return [];
  const at = replyAddress.lastIndexOf('@');
  const base = replyAddress.slice(0, at).toLowerCase();
  const domain = replyAddress.slice(at + 1).toLowerCase();
  const tokens = new Set<string>();
  for (const address of addresses) {
    const [, local, token, host] = /^([^@\s<>]+)\+([^@\s<>]+)@([^@\s<>]+)$/.exec(address.trim().toLowerCase()) ?? [];
    if (local === base && host === domain && token && TOKEN_SHAPE.test(token)) tokens.add(token);
  }
  return [...tokens];
}

/** Case references (TA-2026-00087) in a subject, as stored (uppercase). */
export function referencesIn(subject: string): string[] {
  return [...new Set([...subject.matchAll(/\bTA-(\d{4})-(\d{5,})\b/gi)].map((m) => `TA-${m[1]}-${m[2]}`))];
}

/** Every address a mail was delivered to: To, Cc, and the delivery headers servers add (Delivered-To, X-Original-To). */
export function recipientsOf(mail: ParsedMail): string[] {
  const listed = [mail.to, mail.cc]
    .flatMap((field) => (field ? (Array.isArray(field) ? field : [field]) : []))
    .flatMap((group) => group.value.flatMap((entry) => [entry.address ?? '', ...(entry.group ?? []).map((g) => g.address ?? '')]));
  const delivered = ['delivered-to', 'x-original-to', 'envelope-to'].flatMap((name) => headerValues(mail, name));
  return [...listed, ...delivered].filter(Boolean);
}

function headerValues(mail: ParsedMail, name: string): string[] {
  // mailparser keeps the last value in `headers`; `headerLines` has each occurrence (Delivered-To often repeats).
  return mail.headerLines
    .filter((line) => line.key === name)
    .map((line) =>
      line.line
        .slice(line.line.indexOf(':') + 1)
        .trim()
        .replace(/^<|>$/g, ''),
    );
}

export type AutoReplyKind = 'auto_reply' | 'bounce';

/**
 * Out-of-office answers and bounces, by the signs RFC 3834 and mail servers give: Auto-Submitted (anything but "no"),
 * X-Autoreply / X-Autorespond, Precedence auto_reply/bulk/junk, a delivery report (multipart/report) or a
 * MAILER-DAEMON/postmaster sender. They are kept on the case but are not the clinic answering.
 */
export function autoReplyKind(mail: ParsedMail): AutoReplyKind | null {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string'
      ? value.trim().toLowerCase()
      : value && typeof value === 'object' && 'value' in value
        ? String(value.value).toLowerCase()
        : '';
  };
  const contentType = header('content-type');
  const from = (mail.from?.value[0]?.address ?? '').toLowerCase();
  if (contentType.startsWith('multipart/report') || /^(mailer-daemon|postmaster)@/.test(from)) return 'bounce';
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply';
  if (header('x-autoreply') || header('x-autorespond')) return 'auto_reply';
  if (['auto_reply', 'bulk', 'junk', 'list'].includes(header('precedence'))) return 'auto_reply';
  return null;
}

/**
 * What a person wrote in this reply, without the quoted history under it and without a trailing signature
 * ("-- ", "Sent from my iPhone"): email-reply-parser's rules (GitHub's, ported). Falls back to the whole text when
 * the rules leave nothing (a reply written under the quote, say).
 */
export function visibleText(text: string): string {
  const visible = new EmailReplyParser().read(text).getVisibleText().trim();
  return visible || text.trim();
}

/** Message-IDs a reply points at: In-Reply-To first, then References from the newest back. */
export function threadIdsOf(mail: ParsedMail): string[] {
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  return [...new Set([...(mail.inReplyTo ? mail.inReplyTo.split(/\s+/) : []), ...references.toReversed()])].filter(Boolean);
}
