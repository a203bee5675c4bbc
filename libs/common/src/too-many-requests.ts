import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that says when to come back: the exception filter sends `retryAfterSeconds` as the Retry-After header. */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
