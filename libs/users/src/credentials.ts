import { SESSION_COOKIE } from './session-cookie.js';

/** What a request presents to prove who it is: a bearer header wins over the session cookie, as in the guard. */
export type Credentials = { via: 'bearer' | 'cookie'; token: string } | { via: 'malformed' } | { via: 'none' };

interface CredentialSource {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

/**
 * `Authorization: Bearer <token>` and nothing else: our tokens are base64url (see AuthService.login), so a header
 * with trailing garbage, a second token or another scheme is refused rather than read up to its first space.
 */
const BEARER = /^Bearer ([A-Za-z0-9_-]{1,512})$/i;

export function requestCredentials(request: CredentialSource): Credentials {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    return token ? { via: 'bearer', token } : { via: 'malformed' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { via: 'cookie', token: cookie } : { via: 'none' };
}
