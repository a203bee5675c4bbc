import { applyDecorators, BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate, IsDefined, isISO8601, IsISO8601, Matches, ValidateBy, ValidateIf } from 'class-validator';

/** A path parameter that must be a UUID; a bad one is a 400 naming the parameter, like any other field. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `Validation failed: ${name}: must be a UUID`,
          details: [{ field: name, messages: ['must be a UUID'] }],
        }),
    }),
  );

/** A 400 about one field, in the same shape as the ValidationPipe's errors. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `Validation failed: ${field}: ${message}`, details: [{ field, messages: [message] }] });
}

export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Accepts `a,b` or repeated `?x=a&x=b` query values as an array. */
export const CommaList = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === undefined || value === '') return undefined;
    const list = Array.isArray(value) ? value : [value];
    return list
      .flatMap((item) => String(item).split(','))
      .map((item) => item.trim())
      .filter(Boolean);
  });

/**
 * An optional field that may be left out but not sent as null. Use instead of class-validator's @IsOptional(), which
 * skips null too and lets it reach a NOT NULL column (a 500): here null is a 400 naming the field.
 */
export const Optional = () =>
  applyDecorators(
    ValidateIf((_: object, value: unknown) => value !== undefined),
    IsDefined({ message: ({ property }) => `${property} must not be null` }),
  );

/** An optional field whose column is nullable: null clears it, leaving it out leaves it as it is. */
export const Clearable = () => ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);

/** PostgreSQL's integer; a larger whole number (a version, a page) would fail in SQL rather than validation. */
export const PG_INT_MAX = 2_147_483_647;

// Dates people record or filter by. JavaScript's Date reaches years Postgres cannot store (-271821, 0, 275760).
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

const inStorableRange = (value: unknown): boolean => {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return time >= EARLIEST && time < LATEST;
};

const StorableDate = () =>
  ValidateBy({
    name: 'storableDate',
    validator: { validate: inStorableRange, defaultMessage: (args) => `${args?.property ?? 'date'} must be between 1900 and 2199` },
  });

/**
 * An ISO 8601 instant, turned into a Date. Only strings are converted: class-transformer's @Type(() => Date) calls
 * `new Date(value)` on anything, which throws on an object such as `{"toString": "x"}`.
 */
export const IsInstant = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && isISO8601(value, { strict: true }) ? new Date(value) : value,
    ),
    IsDate({ message: ({ property }) => `${property} must be an ISO 8601 instant` }),
    StorableDate(),
  );

/** A calendar date (YYYY-MM-DD) in the range people plan in. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date (YYYY-MM-DD)` }),
    IsISO8601({ strict: true }),
    StorableDate(),
  );
