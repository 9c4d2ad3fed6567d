import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateConfig } from './config/app-config.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const config = validateConfig(process.env);
  // HTTP only for its health and metrics; with WORKER_PORT=0 it has none.
  if (config.WORKER_PORT === 0) {
    const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    app.get(Logger).log('Worker running', 'Worker');
    return;
  }
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.WORKER_PORT);
  app.get(Logger).log(`Worker running; /health and /metrics on port ${config.WORKER_PORT}`, 'Worker');
}

void bootstrap();
