import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { SurveyQuestionVersion } from './question.entity';
import { SurveyItem, SurveyWave } from './survey.entity';

/**
 * That a person responded to a wave, and nothing else: it enforces one response per person
 * and feeds the response rate. For anonymous waves it is the only row naming the person.
 */
@Entity('survey_respondents')
export class SurveyRespondent {
  @PrimaryColumn('uuid')
  waveId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => SurveyWave, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id' })
  wave?: SurveyWave;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  respondedAt: Date;
}

/**
 * A response. Attributed waves keep the person and organisation. Anonymous waves keep only
 * the organisation's kind and sector (for breakdowns, shown with small-cell suppression), a
 * hash of the edit token handed to the respondent, and no timestamp that could be matched
 * against `survey_respondents`.
 */
@Entity('survey_responses')
@Unique('survey_responses_wave_user_key', ['waveId', 'userId'])
@Check('survey_responses_identity_check', `"user_id" IS NULL OR "edit_token_hash" IS NULL`)
@Index('survey_responses_edit_token_idx', ['waveId', 'editTokenHash'])
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  waveId: string;

  @ManyToOne(() => SurveyWave, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id' })
  wave?: SurveyWave;

  /** Attributed waves only. */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  /** Attributed waves only. */
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @Column('text', { nullable: true })
  organisationKind: string | null;

  @Column('text', { nullable: true })
  organisationSector: string | null;

  /** Anonymous waves only: sha256 of the token that lets the respondent edit. */
  @Column('text', { nullable: true })
  editTokenHash: string | null;

  /** Attributed waves only. */
  @Column('timestamptz', { nullable: true })
  updatedAt: Date | null;
}

/** One answer of a response, pinned to the question version it was given to. */
@Entity('survey_answers')
@Check('survey_answers_rating_check', `"rating" IS NULL OR "rating" BETWEEN 1 AND 5`)
@Index('survey_answers_response_idx', ['responseId'])
@Index('survey_answers_item_idx', ['itemId'])
@Index('survey_answers_version_idx', ['questionVersionId'])
export class SurveyAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  responseId: string;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponse;

  @Column('uuid')
  itemId: string;

  @ManyToOne(() => SurveyItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'survey_answers_item_fk' })
  item?: SurveyItem;

  @Column('uuid')
  questionVersionId: string;

  @ManyToOne(() => SurveyQuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_version_id', foreignKeyConstraintName: 'survey_answers_question_version_fk' })
  questionVersion?: SurveyQuestionVersion;

  @Column('smallint', { nullable: true })
  rating: number | null;

  @Column('text', { array: true, nullable: true })
  choices: string[] | null;

  @Column('text', { nullable: true })
  text: string | null;
}
