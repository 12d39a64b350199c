import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Password checks that failed, or are still running (see LoginThrottle: an attempt is written
 * before its check and deleted when the password proves right). Kept in the database so the
 * limit holds across processes and restarts.
 */
@Entity('login_failures')
@Index('login_failures_account_idx', ['account', 'failedAt'])
@Index('login_failures_address_idx', ['address', 'failedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('text')
  account: string;

  @Column('text')
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  failedAt: Date;
}
