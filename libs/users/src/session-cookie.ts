/** The HttpOnly cookie that carries a staff session in the browser (set by POST /auth/login). */
export const SESSION_COOKIE = 'ta_session';
