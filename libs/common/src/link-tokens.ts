import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';

/**
 * The links emailed to people without an account (request status, readiness assessments, surveys): 192 random bits
 * as 32 base64url characters; only the SHA-256 (hex) is stored, so a leaked table opens no link. The surveys sweep
 * makes its tokens in SQL the same way (pgcrypto), see libs/surveys/src/survey.sweep.sql.ts.
 */
export const newLinkToken = (): string => randomBytes(24).toString('base64url');

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** A 404 with the caller's words before any database work when the path segment cannot be a token at all. */
export function checkedLinkToken(token: string, notFound: string): string {
  if (!TOKEN_SHAPE.test(token)) throw new NotFoundException(notFound);
  return token;
}

/** The index finds the row; comparing in constant time keeps the answer's timing independent of how much matched. */
export const sameLinkHash = (stored: string, hash: string): boolean =>
  stored.length === hash.length && timingSafeEqual(Buffer.from(stored), Buffer.from(hash));
