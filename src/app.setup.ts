import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api/v1';
/** Load balancers and Prometheus look for these at the root, not under the API's prefix. */
export const ROUTES_OUTSIDE_API = ['health', 'health/ready', 'metrics'];

/** What main.ts and the tests both do to an application, so tests run the real HTTP pipeline. */
export function setUpApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.setGlobalPrefix(API_PREFIX, { exclude: ROUTES_OUTSIDE_API });
  if (config.TRUST_PROXY) {
    app.set(
      'trust proxy',
      /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
    );
  }
  // Bodies stay under Express's default limit (100 kB). Swagger UI's inline styles need a looser style
  // policy; everything else gets helmet's defaults.
  app.use(
    helmet({
      contentSecurityPolicy: {
        // TLS is the proxy's job; upgrading would break the docs page served over plain HTTP locally.
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.enableCors({
    origin: config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  });
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  return app;
}

/** The API's OpenAPI document: served at /api/docs, and the source of the web app's generated client. */
export function openApiDocument(app: INestApplication) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Talent bank (人材バンク) API')
      .setDescription(
        'Residents register their skills; schools, family-education support and community groups ask for people; ' +
          'a matching worker proposes, coordinators approve, residents accept. Sign in with POST /auth/login and ' +
          'send the token as Authorization: Bearer <token>. Error messages follow Accept-Language (ja, en).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
