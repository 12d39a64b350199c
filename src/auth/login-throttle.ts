import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/config';
import { AppError } from '../common/errors';
import { LoginFailure } from './login-failure.entity';

/**
 * Limits failed sign-ins per account and per client address over a sliding window.
 * Counted in the database, so the limit holds across processes and restarts.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly config: AppConfig,
  ) {}

  private get windowMs(): number {
    return this.config.loginWindowMinutes * 60_000;
  }

  /** Throws rate_limited (429 + Retry-After) when either limit is reached. */
  async check(account: string, address: string): Promise<void> {
    const since = new Date(Date.now() - this.windowMs);
    const [byAccount, byAddress] = await Promise.all([
      this.window('account', account, since),
      this.window('address', address, since),
    ]);
    const blocked =
      byAccount.count >= this.config.loginMaxFailuresPerAccount
        ? byAccount
        : byAddress.count >= this.config.loginMaxFailuresPerAddress
          ? byAddress
          : null;
    if (!blocked?.oldest) return;
    const retryAfter = Math.max(1, Math.ceil((blocked.oldest.getTime() + this.windowMs - Date.now()) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s)`,
      [{ retryAfterSeconds: retryAfter }],
      { 'Retry-After': String(retryAfter) },
    );
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await this.failures.insert({ account, address });
    // Keep the table small: anything older than the window no longer counts.
    await this.failures
      .createQueryBuilder()
      .delete()
      .where('failed_at < :cutoff', { cutoff: new Date(Date.now() - this.windowMs) })
      .execute();
  }

  async recordSuccess(account: string): Promise<void> {
    await this.failures.delete({ account });
  }

  private async window(
    column: 'account' | 'address',
    value: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const row = await this.failures
      .createQueryBuilder('f')
      .select('count(*)::int', 'count')
      .addSelect('min(f.failed_at)', 'oldest')
      .where(`f.${column} = :value AND f.failed_at >= :since`, { value, since })
      .getRawOne<{ count: number; oldest: Date | null }>();
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
  }
}
