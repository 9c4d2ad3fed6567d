import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { setUpApp } from './app.setup.js';
import { validateConfig } from './config/app-config.js';

async function bootstrap(): Promise<void> {
  const config = validateConfig(process.env);
  const app = setUpApp(
    await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ withWorker: config.MATCHING_WORKER_IN_API }),
      { bufferLogs: true },
    ),
    config,
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  await app.listen(config.PORT);
  const worker = config.MATCHING_WORKER_IN_API ? ' with the matching worker' : '';
  logger.log(
    `Talent bank${worker} on http://localhost:${config.PORT}/ — API at /api/v1, its docs at /api/docs`,
    'Bootstrap',
  );
}

void bootstrap();
