import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { setUpApp } from './app.setup.js';
import { validateConfig } from './config/app-config.js';

async function bootstrap(): Promise<void> {
  const config = validateConfig(process.env);
  const app = setUpApp(
    await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ withWorker: config.MATCHING_WORKER_IN_API }),
    ),
    config,
  );
  app.enableShutdownHooks();
  await app.listen(config.PORT);
  const worker = config.MATCHING_WORKER_IN_API ? ' with the matching worker' : '';
  Logger.log(
    `API${worker} on http://localhost:${config.PORT}/api/v1 — docs at http://localhost:${config.PORT}/api/docs`,
    'Bootstrap',
  );
}

void bootstrap();
