import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../users/user.entity';
import { QUESTION_KINDS, QuestionKind } from './rules';

const kinds = QUESTION_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * A question of the reusable bank. Its wording lives in versions: editing a question that
 * already has answers adds a version, so past results keep the words they were given.
 */
@Entity('survey_questions')
@Check('survey_questions_kind_check', `"kind" IN (${kinds})`)
export class SurveyQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: QuestionKind;

  @Column('int', { default: 1 })
  currentVersion: number;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One wording of a bank question. Answers point at the version they were given to. */
@Entity('survey_question_versions')
@Unique('survey_question_versions_question_version_key', ['questionId', 'version'])
export class SurveyQuestionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  questionId: string;

  @ManyToOne(() => SurveyQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: SurveyQuestion;

  @Column('int')
  version: number;

  @Column('text')
  prompt: string;

  @Column('text', { array: true, default: () => "'{}'" })
  options: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
