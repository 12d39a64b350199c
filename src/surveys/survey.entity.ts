import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AgendaEvent } from '../events/event.entity';
import { WorkingGroup } from '../groups/working-group.entity';
import { User } from '../users/user.entity';
import { SurveyQuestion } from './question.entity';

/**
 * A survey built from the question bank, attached to an event (a Cluster Day satisfaction
 * survey) or standalone (the User's Voice). `groupId` decides who manages it besides admins.
 */
@Entity('surveys')
@Index('surveys_event_id_idx', ['eventId'])
@Index('surveys_group_id_idx', ['groupId'])
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('uuid', { nullable: true })
  eventId: string | null;

  @ManyToOne(() => AgendaEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'surveys_event_fk' })
  event?: AgendaEvent | null;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A bank question placed in a survey; `eventId` names the workshop a per-workshop rating is about. */
@Entity('survey_items')
@Index('survey_items_survey_idx', ['surveyId', 'position'])
export class SurveyItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column('uuid')
  questionId: string;

  @ManyToOne(() => SurveyQuestion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'survey_items_question_fk' })
  question?: SurveyQuestion;

  @Column('int')
  position: number;

  @Column('text', { nullable: true })
  label: string | null;

  @Column('uuid', { nullable: true })
  eventId: string | null;

  @ManyToOne(() => AgendaEvent, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'survey_items_event_fk' })
  event?: AgendaEvent | null;
}

/** One run of a survey (2025, 2026…), open or closed, anonymous or attributed. */
@Entity('survey_waves')
@Unique('survey_waves_survey_label_key', ['surveyId', 'label'])
@Check('survey_waves_status_check', `"status" IN ('open', 'closed')`)
export class SurveyWave {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column('text')
  label: string;

  @Column('boolean')
  anonymous: boolean;

  @Column('text', { default: 'open' })
  status: 'open' | 'closed';

  /** The event this wave asks about when it is not the survey's (next year's Cluster Day). */
  @Column('uuid', { nullable: true })
  eventId: string | null;

  @ManyToOne(() => AgendaEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'survey_waves_event_fk' })
  event?: AgendaEvent | null;

  @Column('timestamptz')
  openedAt: Date;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}
