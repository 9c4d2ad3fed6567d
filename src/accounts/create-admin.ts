import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { AccountsService } from './accounts.service.js';

/**
 * `npm run admin:create -- --email office@city.example.jp --name 生涯学習課`: the first account of the city
 * office, from which every other coordinator is created. The password comes from ADMIN_PASSWORD, or is
 * generated and printed once.
 */
async function createAdmin(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name)
    throw new Error('usage: npm run admin:create -- --email <email> --name <name>');
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ withWorker: false }), {
    logger: ['error', 'warn'],
  });
  try {
    const account = await app
      .get(DataSource)
      .transaction((manager) =>
        app
          .get(AccountsService)
          .create(manager, { email: values.email!, name: values.name!, role: 'admin', password }),
      );
    console.log(`Admin ${account.email} created (id ${account.id}).`);
    if (!process.env.ADMIN_PASSWORD)
      console.log(`Password (shown once, change it after signing in): ${password}`);
  } finally {
    await app.close();
  }
}

createAdmin().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
