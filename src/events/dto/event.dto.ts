import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NO_CONTROL_CHARS, SINGLE_LINE, Trim } from '../../common/dto';
import { LIMITS } from '../../common/limits';
import { DATE_ONLY } from '../../documents/dto/fields';
import { EVENT_KINDS, EventKind } from '../event-rules';

const nullable = (): PropertyDecorator => ValidateIf((_, v) => v !== null);

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ maxLength: LIMITS.titleChars })
  @Trim()
  @IsString()
  @Length(1, LIMITS.titleChars)
  @Matches(SINGLE_LINE, { message: 'title must not contain control characters' })
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(NO_CONTROL_CHARS, { message: 'description must not contain control characters' })
  description?: string;

  @ApiProperty({ example: '2026-11-20T09:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt: string;

  @ApiPropertyOptional({ example: '2026-11-20T17:00:00Z', nullable: true })
  @IsOptional()
  @nullable()
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' })
  endsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 200 })
  @IsOptional()
  @nullable()
  @Trim()
  @IsString()
  @Length(1, 200)
  @Matches(SINGLE_LINE, { message: 'place must not contain control characters' })
  place?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the working group (facilitators manage)' })
  @IsOptional()
  @nullable()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "a thematic workshop's Cluster Day" })
  @IsOptional()
  @nullable()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class ListEventsQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'events starting on or after this day' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date like 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'events starting on or before this day' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date like 2026-12-31' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}

export class SetInvitationsDto {
  @ApiProperty({ type: [String], description: 'organisation ids; replaces the list' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'organisationIds must be organisation ids' })
  organisationIds: string[];
}

export class SetAttendanceDto {
  @ApiProperty({ type: [String], description: 'user ids of the people who attended; replaces the list' })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds: string[];
}
