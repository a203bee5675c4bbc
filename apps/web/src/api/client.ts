import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type User = components['schemas']['UserResponseDto'];
export type Me = components['schemas']['MeDto'];
export type UserRole = User['role'];

/** The API's error body (every error, see the README); not part of the OpenAPI document, so typed here. */
interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Validation (400) and conflict (409) errors name fields as [{ field, messages }]; forms show them inline. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    return Object.fromEntries(
      (this.details as { field?: unknown; messages?: unknown }[])
        .filter((d) => typeof d.field === 'string' && Array.isArray(d.messages))
        .map((d) => [d.field as string, (d.messages as string[]).join(', ')]),
    );
  }
}

/** Same origin (the API serves the app; `npm run dev:web` proxies), and the HttpOnly session cookie is the credential. */
export const api = createClient<paths>({ credentials: 'include' });

let onUnauthorized = (): void => undefined;

/** Registers what happens when a session ends or is revoked (main.tsx: clear the cache, go to /login). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

const sessionExpiry: Middleware = {
  onResponse({ request, response }) {
    // A 401 from the sign-in form is a wrong password, which the form shows itself.
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) onUnauthorized();
  },
};
api.use(sessionExpiry);

/** Resolves to the response body, or rejects with an ApiError carrying the API's message (or a network failure's). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'TA Desk cannot be reached. Check your connection and try again.');
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<ErrorBody> | undefined;
  throw new ApiError(result.response.status, body?.message ?? `The request failed (${result.response.status}).`, body?.details);
}
