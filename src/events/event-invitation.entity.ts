import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { AgendaEvent } from './event.entity';

/** An organisation invited to an event. */
@Entity('event_invitations')
@Index('event_invitations_organisation_idx', ['organisationId'])
export class EventInvitation {
  @PrimaryColumn('uuid')
  eventId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => AgendaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: AgendaEvent;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'event_invitations_organisation_fk' })
  organisation?: Organisation;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
