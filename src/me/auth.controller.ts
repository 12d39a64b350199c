import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../auth/actor';
import { SESSION_COOKIE } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { CurrentActor, Public } from '../auth/current-actor.decorator';
import { LoginDto } from '../auth/dto/login.dto';
import { AppConfig } from '../config/config';
import { UsersService } from '../users/users.service';
import type { LoginResult } from './auth.view';

/**
 * Signing in and out. It lives in me/, above auth/ and users/, because the answer to a sign-in
 * needs both: auth/ checks the password and opens the session, users/ gives the person's view.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const { token, expiresAt, actor } = await this.auth.login(dto.email, dto.password, {
      address: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    const user = await this.users.me(actor);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
    return { token, expiresAt, user };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
