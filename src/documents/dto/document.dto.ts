import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NO_CONTROL_CHARS, SINGLE_LINE, Trim } from '../../common/dto';
import { LIMITS } from '../../common/limits';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DocumentKind, DocumentStatus, KNOWLEDGE_LIMITS as K } from '../rules';
import { ActionItemInputDto } from './action-item.dto';
import { DATE_ONLY, HTTP_URL, TrimEach } from './fields';

export class AttendeesDto {
  @ApiPropertyOptional({ type: [String], description: 'people (user ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(K.attendees)
  @IsUUID('all', { each: true, message: 'attendees.users must be user ids' })
  users?: string[];

  @ApiPropertyOptional({ type: [String], description: 'organisations (ids) present without a named person' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(K.attendees)
  @IsUUID('all', { each: true, message: 'attendees.organisations must be organisation ids' })
  organisations?: string[];
}

const nullable = (): PropertyDecorator => ValidateIf((_, v) => v !== null);

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
  @Matches(SINGLE_LINE, { message: 'title must not contain control characters' })
  title: string;

  @ApiPropertyOptional({ description: `markdown, at most ${LIMITS.documentBodyBytes} bytes (413 beyond)` })
  @IsOptional()
  @IsString()
  @Matches(NO_CONTROL_CHARS, { message: 'body must not contain control characters' })
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: K.tags })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(K.tags)
  @IsString({ each: true })
  @Length(1, K.tagChars, { each: true })
  @Matches(SINGLE_LINE, { each: true, message: 'tags must not contain control characters' })
  tags?: string[];

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES, description: 'draft, or published at once (the default)' })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'a template page whose body and tags to start from' })
  @IsOptional()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;

  // page
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @nullable()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, nullable: true, description: 'marks the page as a template' })
  @IsOptional()
  @nullable()
  @IsIn(DOCUMENT_KINDS)
  templateFor?: DocumentKind | null;

  // ci_note
  @ApiPropertyOptional({ example: 'https://www.example.org/news/hydrogen' })
  @IsOptional()
  @nullable()
  @IsString()
  @Length(1, K.urlChars)
  @Matches(HTTP_URL, { message: 'sourceUrl must be an http(s) URL' })
  sourceUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @nullable()
  @Trim()
  @IsString()
  @Length(1, 200)
  @Matches(SINGLE_LINE, { message: 'publisher must not contain control characters' })
  publisher?: string | null;

  @ApiPropertyOptional({ example: '2026-01-15', description: 'when the source was published' })
  @IsOptional()
  @nullable()
  @Matches(DATE_ONLY, { message: 'publishedAt must be a date like 2026-01-15' })
  @IsISO8601({ strict: true }, { message: 'publishedAt must be a real date' })
  publishedAt?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @nullable()
  @IsInt({ message: 'relevance must be an integer from 1 to 5' })
  @Min(1)
  @Max(5)
  relevance?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'organisation ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(K.organisationsConcerned)
  @IsUUID('all', { each: true, message: 'organisationsConcerned must be organisation ids' })
  organisationsConcerned?: string[];

  // meeting_summary
  @ApiPropertyOptional({ example: '2026-02-10' })
  @IsOptional()
  @nullable()
  @Matches(DATE_ONLY, { message: 'meetingDate must be a date like 2026-02-10' })
  @IsISO8601({ strict: true }, { message: 'meetingDate must be a real date' })
  meetingDate?: string | null;

  @ApiPropertyOptional({ type: AttendeesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeesDto)
  attendees?: AttendeesDto;

  @ApiPropertyOptional({ type: [String], description: 'one markdown line per decision' })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(K.decisions)
  @IsString({ each: true })
  @Length(1, K.decisionChars, { each: true })
  @Matches(NO_CONTROL_CHARS, { each: true, message: 'decisions must not contain control characters' })
  decisions?: string[];

  @ApiPropertyOptional({ type: [ActionItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(K.actionItems)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInputDto)
  actionItems?: ActionItemInputDto[];

  // resource
  @ApiPropertyOptional({ description: 'a link (or give fileId)' })
  @IsOptional()
  @nullable()
  @IsString()
  @Length(1, K.urlChars)
  @Matches(HTTP_URL, { message: 'linkUrl must be an http(s) URL' })
  linkUrl?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'an uploaded file (POST /groups/:groupId/files)' })
  @IsOptional()
  @nullable()
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string | null;
}

/** A save: any subset of the fields, plus the version it was based on (stale → 409). */
export class UpdateDocumentDto extends PartialType(OmitType(CreateDocumentDto, ['kind', 'templateId', 'status'])) {
  @ApiProperty({ minimum: 1, description: 'the version the edit started from' })
  @IsInt({ message: 'baseVersion must be an integer' })
  @Min(1)
  baseVersion: number;
}

export class MoveDocumentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'baseVersion must be an integer' })
  @Min(1)
  baseVersion?: number;
}

export class RestoreRevisionDto {
  @ApiPropertyOptional({ minimum: 1, description: 'the current version as the caller saw it' })
  @IsOptional()
  @IsInt({ message: 'baseVersion must be an integer' })
  @Min(1)
  baseVersion?: number;
}

export class PreviewDto {
  @ApiProperty({ description: 'markdown to render' })
  @IsString()
  @Matches(NO_CONTROL_CHARS, { message: 'source must not contain control characters' })
  source: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'resolve [[wiki links]] within this group' })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;
}
