import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/**
 * Everything the service reads from the environment, validated once at start.
 * The defaults are the local PostgreSQL and Redis a developer has, so `npm start` works with no settings.
 */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The worker's HTTP port, for its `/health`, `/health/ready` and `/metrics`; 0: no HTTP. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  /** When set, `/metrics` answers only a scraper that sends it as `Authorization: Bearer …`. */
  @IsString()
  METRICS_TOKEN = '';

  /** The least severe log lines written: trace, debug, info, warn, error, fatal or silent. */
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';

  /** Prefix of every BullMQ key; tests give each suite its own. */
  @IsString()
  QUEUE_PREFIX = 'talent-bank';

  /** Run the matching worker inside the API process (handy locally; production runs `start:worker`). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  MATCHING_WORKER_IN_API = false;

  /** How often the worker expires overdue requests and re-enqueues owed match runs; 0 turns it off. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  MATCHING_SWEEP_EVERY_MS = 60_000;

  /**
   * The privacy notice residents agree to now. Raising it asks every resident again: until they agree to
   * this version, they are not matched and cannot be activated.
   */
  @IsString()
  PRIVACY_NOTICE_VERSION = '2026-04';

  /**
   * Express's `trust proxy`: which reverse proxies' X-Forwarded-For to believe, so sign-in limits count
   * clients' addresses, not the proxy's (e.g. `loopback`, `10.0.0.0/8`, or a hop count). Empty trusts none.
   */
  @IsString()
  TRUST_PROXY = '';

  /** Web origins allowed to call the API from a browser, comma-separated; empty allows none. */
  @IsString()
  CORS_ORIGINS = '';

  /** Sign-ups allowed from one network address in 15 minutes (a school's shared connection may need more). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_UPS_PER_ADDRESS = 10;

  /** How long a sign-in lasts. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(24 * 366)
  SESSION_TTL_HOURS = 12;

  /**
   * Where people open the links the service mails them (password reset, invitations); the web app is
   * served here.
   */
  @Matches(/^https?:\/\/[^/]+$/, { message: 'PUBLIC_URL must be an http(s) origin without a path' })
  PUBLIC_URL = 'http://localhost:3000';

  /** `smtp://user:pass@host:587` (or `smtps://`). Empty: mail is written to MAIL_DIR instead of sent. */
  @Matches(/^(smtps?:\/\/.+)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = '';

  /** Where mail goes, one `.eml` file per message, when no SMTP server is configured. */
  @IsString()
  MAIL_DIR = 'var/mail';

  /** The first wait before mailing again after the SMTP server refused; it doubles on every try. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MAIL_RETRY_DELAY_MS = 60_000;

  /**
   * How often the mail worker queues again what Redis lost and tells coordinators of requests short near
   * their deadline; 0 turns it off.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  MAIL_SWEEP_EVERY_MS = 5 * 60_000;

  /** The largest register file (CSV) accepted for import, in bytes; larger uploads answer 413. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 10 * 1024 * 1024;

  @IsString()
  MAIL_FROM = '人材バンク <no-reply@localhost>';

  /**
   * How long the worker waits after a change before making a new city-wide plan, so a burst of changes
   * gives one plan; plans are also made nightly. 0 turns automatic plans off (the dry run still works).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  PLANNING_DEBOUNCE_MS = 3_000;

  /**
   * How many parts of a city-wide plan this worker process plans at once, each in a worker thread of its
   * own. 0: this process plans none (it still starts and writes plans; other processes plan the parts).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(64)
  PLANNER_THREADS = 1;

  /** How many candidates the worker proposes per person a request needs. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(20)
  PROPOSALS_PER_SEAT = 3;

  /** The Chromium that turns the year's report and certificates into PDF (Debian's package by default). */
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** How many PDFs one API process renders at once; more wait their turn (each page costs Chromium memory). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(16)
  PDF_RENDERS_AT_ONCE = 2;

  /** Who issues participation certificates (活動証明書), as printed on them. */
  @IsString()
  CERTIFICATE_ISSUER = 'いわき市 生涯学習課';
}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, {
    exposeDefaultValues: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
