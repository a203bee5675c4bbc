/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: organization
 * names and clinics' answers arrive from public pages (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The center's zone as a CSV header names it, "New York" for America/New_York (CENTER_TIME_ZONE): a person reading
 * "Opened (New York)" knows which clock the times are on.
 */
export function zoneInHeader(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}
