import { Injectable } from '@nestjs/common';

/** The one source of "now", so rules about dates (completing after the activity) can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
