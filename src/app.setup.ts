import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** What main.ts and the tests both do to an application, so tests run the real HTTP pipeline. */
export function setUpApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  const document = SwaggerModule.createDocument(
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
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
