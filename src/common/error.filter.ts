import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from './error-mapping';

/** The one place HTTP errors get their shape: {"error":{"code","message","details"}}. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(thrown: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw thrown; // sockets answer through acks instead
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    sendError(reply, thrown, request, this.logger);
  }
}

function sendError(reply: FastifyReply, thrown: unknown, request: FastifyRequest, logger: Logger): void {
  const error = toAppError(thrown);
  if (error.status >= 500) {
    logger.error(
      { reqId: request.id, err: thrown instanceof Error ? thrown.stack : String(thrown) },
      'unhandled error',
    );
  }
  for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
  void reply.status(error.status).send(error.toBody());
}
