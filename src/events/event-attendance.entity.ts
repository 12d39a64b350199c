import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { AgendaEvent } from './event.entity';

/** A person who attended an event, recorded by its managers. The organisation is the person's at that time, so figures per organisation stay put. */
@Entity('event_attendances')
@Index('event_attendances_user_idx', ['userId'])
@Index('event_attendances_organisation_idx', ['organisationId'])
export class EventAttendance {
  @PrimaryColumn('uuid')
  eventId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => AgendaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: AgendaEvent;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'event_attendances_user_fk' })
  user?: User;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
