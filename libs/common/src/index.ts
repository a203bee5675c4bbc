export { escapeLike, PageQueryDto, toPage, type Page } from './pagination.js';
export { Clearable, CommaList, fieldError, IsCalendarDate, IsInstant, Optional, PG_INT_MAX, Trim, UuidParam } from './validation.js';
export { addBusinessDays, calendarDateIn, isBusinessDay } from './business-days.js';
export { terminalLogTransport } from './logging.js';
export { TooManyRequestsException } from './too-many-requests.js';
export { closeOnSignals, type ShutdownOptions } from './shutdown.js';
export { checkedLinkToken, hashLinkToken, newLinkToken, sameLinkHash } from './link-tokens.js';
export { assertRange, dayNumber, MAX_RANGE_YEARS, periodBounds } from './period.js';
export { neutralizeFormula, zoneInHeader } from './csv.js';
