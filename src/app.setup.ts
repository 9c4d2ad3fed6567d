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
          'a matching worker proposes, coordinators approve, residents accept. Until accounts exist, name the ' +
          'acting user in the X-Actor-Id and X-Actor-Role headers. Error messages follow Accept-Language (ja, en).',
      )
      .setVersion('1')
      .addGlobalParameters(
        { name: 'X-Actor-Id', in: 'header', required: false, schema: { type: 'string' } },
        {
          name: 'X-Actor-Role',
          in: 'header',
          required: false,
          schema: { type: 'string', enum: ['volunteer', 'requester', 'coordinator', 'admin'] },
        },
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
