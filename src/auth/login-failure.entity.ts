import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed sign-ins, kept in the database so the limit holds across processes and restarts.
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
