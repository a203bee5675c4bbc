import type { IntakeResult } from '../../api/intake';

/** What the confirmation page shows; kept for this tab too, so reloading the confirmation keeps it. */
export interface Receipt extends IntakeResult {
  email: string;
}

const KEY = 'peertac-request-receipt';

export function saveReceipt(receipt: Receipt): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(receipt));
  } catch {
    // Private browsing may refuse storage; the route state still carries it.
  }
}

export function loadReceipt(state: unknown): Receipt | null {
  if (isReceipt(state)) return state;
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return isReceipt(stored) ? stored : null;
  } catch {
    return null;
  }
}

function isReceipt(value: unknown): value is Receipt {
  const v = value as Partial<Receipt> | null;
  return typeof v?.reference === 'string' && typeof v.statusUrl === 'string' && typeof v.email === 'string';
}

/** The status page's path inside this app (the API's link may name another host, e.g. behind a proxy). */
export function statusPath(statusUrl: string): string {
  try {
    return new URL(statusUrl).pathname;
  } catch {
    return '/request';
  }
}
