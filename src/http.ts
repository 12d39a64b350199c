import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { AppError } from './common/errors';
import { ErrorFilter } from './common/error.filter';
import { parseJsonBody } from './common/json-body';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';

/** Everything about the HTTP face that is not a controller: pipes, errors, cookies, docs, the client. */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  // The API speaks JSON (and multipart for uploads): any other body (text/plain, a form) is
  // refused with 415. Nest's own parsers are off (main.ts, `bodyParser: false`), so this is
  // the one JSON parser: depth limit first, then prototype-poisoning-safe parsing.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  // Callback style: it runs on every response, and an async hook costs a promise each time.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  await app.register(fastifyCookie);
  // Uploads (knowledge resources). Per-route limits are set where the file is read.
  // `preservePath` hands us the name as sent, so "../x.pdf" is refused rather than quietly trimmed.
  await app.register(fastifyMultipart, {
    preservePath: true,
    limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 0, parts: 1 },
  });

  const openapi = new DocumentBuilder()
    .setTitle('Auzolan API')
    .setDescription(
      'Working groups, channels, knowledge and evaluation. Errors: {"error":{"code","message","details"}}.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('auzolan_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  await serveClient(fastify, config.clientDir);
}

/** Serves the built React client at `/`, with index.html for client-side routes. */
async function serveClient(fastify: FastifyInstance, clientDir: string): Promise<void> {
  const index = join(clientDir, 'index.html');
  const built = existsSync(index);
  if (built) await fastify.register(fastifyStatic, { root: clientDir, wildcard: false, index: false });
  const page = built ? readFileSync(index, 'utf8') : null;
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.status(404).send(new AppError('not_found', 'Not found').toBody());
    }
    if (!page) return reply.type('text/plain').send('The web client is not built yet: run `npm run build:client`.');
    return reply.type('text/html').header('cache-control', 'no-cache').send(page);
  });
}
