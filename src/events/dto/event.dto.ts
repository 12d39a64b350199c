import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsTimestamp } from '../../common/dates';
import { Nullable, Optional, Trim } from '../../common/dto';
import { LIMITS } from '../../common/limits';
import { MultiLineText, SingleLineText } from '../../common/text';
import { EVENT_KINDS, EventKind } from '../event-rules';

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.titleChars })
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @SingleLineText()
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Optional()
  @IsString()
  @MaxLength(10000)
  @MultiLineText()
  description?: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T09:00:00Z' })
  @IsTimestamp()
  startsAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-11-20T17:00:00Z', nullable: true })
  @Nullable()
  @IsTimestamp()
  endsAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 200 })
  @Nullable()
  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  place?: string | null;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the working group (facilitators manage)',
  })
  @Nullable()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "a thematic workshop's Cluster Day",
  })
  @Nullable()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;
}

export class UpdateEventDto extends PartialType(CreateEventDto, { skipNullProperties: false }) {}

export class ListEventsQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'events starting on or after this day' })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'events starting on or before this day' })
  @Optional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @Optional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}

export class SetInvitationsDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500, description: 'organisation ids; replaces the list' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'organisationIds must be organisation ids' })
  organisationIds: string[];
}

export class SetAttendanceDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 2000,
    description: 'user ids of the people who attended; replaces the list',
  })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds: string[];
}
