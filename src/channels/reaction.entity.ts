import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Message } from './message.entity';

/** One person's emoji reaction to a message; toggled on and off. */
@Entity('message_reactions')
export class Reaction {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  emoji: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
