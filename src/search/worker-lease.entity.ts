import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per named lease. The outbox worker runs in every process, but only the lease
 * holder drains, so changes reach the engine in commit order; a dead holder's lease expires
 * and another process takes over.
 */
@Entity('worker_leases')
export class WorkerLease {
  @PrimaryColumn('text')
  name: string;

  @Column('text')
  holder: string;

  @Column('timestamptz')
  expiresAt: Date;
}
