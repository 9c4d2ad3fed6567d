import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { API_PREFIX, openApiDocument } from './app.setup.js';

/**
 * Prints the API's OpenAPI document (`npm run openapi` turns it into the web app's typed client). The
 * app is only previewed: its modules are read, nothing connects to PostgreSQL or Redis.
 */
const app = await NestFactory.create(AppModule.forRoot({ withWorker: false }), {
  preview: true,
  logger: false,
});
app.setGlobalPrefix(API_PREFIX);
process.stdout.write(`${JSON.stringify(openApiDocument(app), null, 2)}\n`);
await app.close();
