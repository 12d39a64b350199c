import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Channel } from './channel.entity';

/** How far a person has read a channel. */
@Entity('channel_read_markers')
export class ReadMarker {
  @PrimaryColumn('uuid')
  channelId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column('bigint', { default: 0 })
  lastReadSeq: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
