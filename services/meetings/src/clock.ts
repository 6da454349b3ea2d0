import { Injectable } from '@nestjs/common';

/** The service's "now", as one seam: tests stand at a chosen instant (just before or after midnight in a district). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
