import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors';
import { Actor } from './actor';
import { AuthService } from './auth.service';
import { PUBLIC_ROUTE } from './current-actor.decorator';

export const SESSION_COOKIE = 'auzolan_session';
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'auzolan';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a request's session token came from; cookie requests need the CSRF header on writes. */
export function presentedToken(request: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Global guard: every route needs a live session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  /** @Public() is fixed per route: looked up once per handler, not on every request. */
  private readonly publicRoutes = new WeakMap<object, { controller: object; isPublic: boolean }>();

  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  /** Synchronous when the session is cached (most requests), which spares Nest an await per request. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = presentedToken(request);
    if (!presented) throw new AppError('unauthenticated', 'Sign in first');
    const cached = this.auth.cachedActor(presented.token);
    if (cached) return this.admit(request, presented.via, cached);
    return this.auth.authenticate(presented.token).then((actor) => this.admit(request, presented.via, actor));
  }

  private admit(request: FastifyRequest, via: 'bearer' | 'cookie', actor: Actor | null): boolean {
    if (!actor) throw new AppError('unauthenticated', 'Your session has ended; sign in again');
    if (via === 'cookie' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_VALUE) {
      throw new AppError(
        'forbidden',
        `Requests authenticated by cookie must send the header X-Requested-With: ${CSRF_VALUE}`,
      );
    }
    request.actor = actor;
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const controller = context.getClass();
    const known = this.publicRoutes.get(handler);
    if (known?.controller === controller) return known.isPublic;
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [handler, controller]) === true;
    this.publicRoutes.set(handler, { controller, isPublic });
    return isPublic;
  }
}
