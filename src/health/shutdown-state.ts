import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Whether the process has begun to stop: from then on it is not ready, so no new work is sent to it. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  stopping = false;

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
