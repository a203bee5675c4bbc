import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';

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
