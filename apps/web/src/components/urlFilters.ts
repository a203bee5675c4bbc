import { useEffect, useState } from 'react';
import type { SetURLSearchParams } from 'react-router';

/** What a filter parameter may hold; anything else in the address (a stale bookmark, a typo) is reset. */
export type ParamCheck = { label: string; valid: (value: string) => boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A real `YYYY-MM-DD` day (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** One of the codes (a comma-separated list when `list`). */
export function oneOf(codes: readonly string[], list = false): (value: string) => boolean {
  return (value) => (list ? value.split(',').filter(Boolean) : [value]).every((code) => codes.includes(code));
}

export const positiveInteger = (value: string): boolean => /^[1-9]\d{0,5}$/.test(value);

/** The parameters whose values fail their check, by name. */
export function invalidParams(params: URLSearchParams, checks: Record<string, ParamCheck>): string[] {
  return Object.entries(checks)
    .filter(([name, check]) => {
      const value = params.get(name);
      return value !== null && value !== '' && !check.valid(value);
    })
    .map(([name]) => name);
}

/**
 * Drops the filter parameters that fail their check (replacing the history entry) and keeps a short notice naming
 * them, so a stale bookmark opens the list with the rest of its filters instead of the API's validation message.
 * Callers read the sanitized params (`withoutInvalid`) so the bad values never reach the API.
 */
/** `checks` must keep its identity between renders (a module constant). */
export function useResetInvalidParams(params: URLSearchParams, setParams: SetURLSearchParams, checks: Record<string, ParamCheck>) {
  const bad = invalidParams(params, checks);
  const [reset, setReset] = useState<string[]>([]);
  const key = bad.join(',');
  // Noted while rendering (React's "adjust state on a change" pattern), so the notice shows with the corrected list.
  const [seen, setSeen] = useState('');
  if (key !== seen) {
    setSeen(key);
    if (key) setReset(bad.map((name) => checks[name]?.label ?? name));
  }

  useEffect(() => {
    if (!key) return;
    const names = key.split(',');
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of names) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [key, setParams]);

  return { reset, dismiss: () => setReset([]), bad };
}

/** The params without the invalid ones (what the page should read while the address is being corrected). */
export function withoutInvalid(params: URLSearchParams, bad: string[]): URLSearchParams {
  if (!bad.length) return params;
  const next = new URLSearchParams(params);
  for (const name of bad) next.delete(name);
  return next;
}
