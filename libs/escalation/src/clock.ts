import { Injectable } from '@nestjs/common';

/** Where sweeps get "now": the system clock in production; a sweep job may carry its own instant, so tests move time instead of sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
