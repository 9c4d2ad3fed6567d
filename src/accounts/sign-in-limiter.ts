import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';

export class TooManyAttemptsError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;

  constructor(retryAfterMs: number) {
    super('errors.tooManyAttempts', { minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) });
  }
}

const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_ADDRESS = 20;
const RESET_REQUESTS_PER_ADDRESS = 10;
const WINDOW_SECONDS = 15 * 60;

/** Counts are kept under a digest of the address, so Redis never holds anyone's email. */
const accountKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64url');

/**
 * Limits guessing passwords and mass sign-ups. Counts live in Redis, so every API process shares them;
 * should Redis not answer, each process falls back to counting in memory rather than letting everyone in
 * or locking everyone out. After too many failures an account (or an address) is locked for a while, and
 * the lock grows each time it comes back: the window starts again with every further failure.
 */
@Injectable()
export class SignInLimiter implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly failuresByAccount: RateLimiterRedis;
  private readonly failuresByAddress: RateLimiterRedis;
  private readonly signUpsByAddress: RateLimiterRedis;
  private readonly resetRequestsByAddress: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // the insurance limiter takes over; BullMQ already reports outages
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.QUEUE_PREFIX}:limit:${name}`,
        points,
        duration: WINDOW_SECONDS,
        blockDuration: WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({
          points,
          duration: WINDOW_SECONDS,
          blockDuration: WINDOW_SECONDS,
        }),
      });
    this.failuresByAccount = limiter('sign-in-account', FAILURES_PER_ACCOUNT);
    this.failuresByAddress = limiter('sign-in-address', FAILURES_PER_ADDRESS);
    this.signUpsByAddress = limiter('sign-up-address', config.SIGN_UPS_PER_ADDRESS);
    this.resetRequestsByAddress = limiter('password-reset-address', RESET_REQUESTS_PER_ADDRESS);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** Refuses a sign-in while the account or the address is locked out. */
  async assertMayTry(email: string, address: string): Promise<void> {
    for (const [limiter, key, points] of this.signInKeys(email, address)) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= points) throw new TooManyAttemptsError(state.msBeforeNext);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    for (const [limiter, key] of this.signInKeys(email, address)) {
      await limiter.consume(key).catch((result: unknown) => {
        if (!(result instanceof RateLimiterRes)) throw result;
      });
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failuresByAccount.delete(accountKey(email));
  }

  recordSignUp(address: string): Promise<void> {
    return this.consumeOrRefuse(this.signUpsByAddress, address);
  }

  /** Password-reset mails asked for from one address, so the form cannot flood anyone's inbox. */
  recordResetRequest(address: string): Promise<void> {
    return this.consumeOrRefuse(this.resetRequestsByAddress, address);
  }

  private async consumeOrRefuse(limiter: RateLimiterRedis, key: string): Promise<void> {
    await limiter.consume(key).catch((result: unknown) => {
      if (result instanceof RateLimiterRes) throw new TooManyAttemptsError(result.msBeforeNext);
      throw result;
    });
  }

  private signInKeys(email: string, address: string): [RateLimiterRedis, string, number][] {
    return [
      [this.failuresByAccount, accountKey(email), FAILURES_PER_ACCOUNT],
      [this.failuresByAddress, address, FAILURES_PER_ADDRESS],
    ];
  }
}
