import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/dates';
import { Nullable, Optional, Trim, TrimEach } from '../../common/dto';
import { BodyInteger } from '../../common/integers';
import { INTEGER_BOUNDS, LIMITS } from '../../common/limits';
import { MultiLineText, SingleLineText } from '../../common/text';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DocumentKind, DocumentStatus, KNOWLEDGE_LIMITS as K } from '../rules';
import { ActionItemInputDto } from './action-item.dto';
import { HTTP_URL } from './fields';

const VERSION = INTEGER_BOUNDS.version;

export class AttendeesDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: K.attendees, description: 'people (user ids)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(K.attendees)
  @IsUUID('all', { each: true, message: 'attendees.users must be user ids' })
  users?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: K.attendees,
    description: 'organisations (ids) present without a named person',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(K.attendees)
  @IsUUID('all', { each: true, message: 'attendees.organisations must be organisation ids' })
  organisations?: string[];
}

/**
 * A new document. Which of the kind-specific fields apply depends on `kind`
 * (see KIND_FIELDS); sending one that does not apply is a 400 naming it.
 */
export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.titleChars })
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @SingleLineText()
  title: string;

  @ApiPropertyOptional({ description: `markdown, at most ${LIMITS.documentBodyBytes} bytes (413 beyond)` })
  @Optional()
  @IsString()
  @MultiLineText()
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: K.tags, minLength: 1, maxLength: K.tagChars })
  @Optional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(K.tags)
  @IsString({ each: true })
  @Length(1, K.tagChars, { each: true })
  @SingleLineText({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES, description: 'draft, or published at once (the default)' })
  @Optional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'a template page whose body and tags to start from' })
  @Optional()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;

  // page
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;

  @ApiPropertyOptional({
    enum: [...DOCUMENT_KINDS, null],
    nullable: true,
    description: 'marks the page as a template (null: it is not one)',
  })
  @Nullable()
  @IsIn(DOCUMENT_KINDS)
  templateFor?: DocumentKind | null;

  // ci_note
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: K.urlChars,
    pattern: HTTP_URL.source,
    example: 'https://www.example.org/news/hydrogen',
  })
  @Nullable()
  @IsString()
  @Length(1, K.urlChars)
  @Matches(HTTP_URL, { message: 'sourceUrl must be an http(s) URL' })
  @SingleLineText()
  sourceUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Nullable()
  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  publisher?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-01-15',
    description: 'when the source was published',
  })
  @Nullable()
  @IsCalendarDate()
  publishedAt?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 5 })
  @Nullable()
  @BodyInteger({ min: 1, max: 5 })
  relevance?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: K.organisationsConcerned,
    description: 'organisation ids',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(K.organisationsConcerned)
  @IsUUID('all', { each: true, message: 'organisationsConcerned must be organisation ids' })
  organisationsConcerned?: string[];

  // meeting_summary
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-02-10' })
  @Nullable()
  @IsCalendarDate()
  meetingDate?: string | null;

  @ApiPropertyOptional({ type: AttendeesDto })
  @Optional()
  @ValidateNested()
  @Type(() => AttendeesDto)
  attendees?: AttendeesDto;

  @ApiPropertyOptional({
    type: [String],
    maxItems: K.decisions,
    minLength: 1,
    maxLength: K.decisionChars,
    description: 'one markdown line per decision',
  })
  @Optional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(K.decisions)
  @IsString({ each: true })
  @Length(1, K.decisionChars, { each: true })
  @MultiLineText({ each: true })
  decisions?: string[];

  @ApiPropertyOptional({ type: [ActionItemInputDto], maxItems: K.actionItems })
  @Optional()
  @IsArray()
  @ArrayMaxSize(K.actionItems)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInputDto)
  actionItems?: ActionItemInputDto[];

  // resource
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: K.urlChars,
    pattern: HTTP_URL.source,
    description: 'a link (or give fileId)',
  })
  @Nullable()
  @IsString()
  @Length(1, K.urlChars)
  @Matches(HTTP_URL, { message: 'linkUrl must be an http(s) URL' })
  @SingleLineText()
  linkUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'an uploaded file (POST /groups/:groupId/files)',
  })
  @Nullable()
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string | null;
}

/** A save: any subset of the fields, plus the version it was based on (stale → 409). */
export class UpdateDocumentDto extends PartialType(OmitType(CreateDocumentDto, ['kind', 'templateId', 'status']), {
  skipNullProperties: false,
}) {
  @ApiProperty({
    type: 'integer',
    minimum: VERSION.min,
    maximum: VERSION.max,
    description: 'the version the edit started from',
  })
  @BodyInteger(VERSION)
  baseVersion: number;
}

export class MoveDocumentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: VERSION.min, maximum: VERSION.max })
  @Optional()
  @BodyInteger(VERSION)
  baseVersion?: number;
}

export class RestoreRevisionDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: VERSION.min,
    maximum: VERSION.max,
    description: 'the current version as the caller saw it',
  })
  @Optional()
  @BodyInteger(VERSION)
  baseVersion?: number;
}

export class PreviewDto {
  @ApiProperty({ description: 'markdown to render' })
  @IsString()
  @MultiLineText()
  source: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'resolve [[wiki links]] within this group' })
  @Optional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;
}
