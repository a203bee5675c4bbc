import type { UserRole } from './user-role.js';

/**
 * The session check every signed-in request makes (AuthGuard → AuthService.authenticate): the token's hash to an
 * unexpired session of an active user, the user joined in, one statement. Reads sessions and users (both this lib's).
 * $1 the token's HMAC (hex).
 */
export const SESSION_USER = `
SELECT u.id, u.email, u.name, u.role, s.id AS session_id
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`;

export interface SessionUserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  session_id: string;
}
