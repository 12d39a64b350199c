import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { NO_CONTROL_CHARS, Trim } from '../../common/dto';
import { ACTION_ITEM_STATUSES, ActionItemStatus, KNOWLEDGE_LIMITS } from '../rules';
import { DATE_ONLY } from './fields';

/** An action item inside a meeting summary; `id` keeps an existing item when the summary is saved again. */
export class ActionItemInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing item to keep; omit for a new one' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: KNOWLEDGE_LIMITS.actionItemChars })
  @Trim()
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.actionItemChars)
  @Matches(NO_CONTROL_CHARS, { message: 'description must not contain control characters' })
  description: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the person who owns it (or give ownerOrganisationId)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation that owns it (or give ownerUserId)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'ownerOrganisationId must be a UUID' })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional({ example: '2026-03-31', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DATE_ONLY, { message: 'dueDate must be a date like 2026-03-31' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real date' })
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;
}

export class PatchActionItemDto {
  @ApiProperty({ enum: ACTION_ITEM_STATUSES })
  @IsIn(ACTION_ITEM_STATUSES)
  status: ActionItemStatus;
}

export class ListActionItemsQuery {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'a person, or an organisation (its people included)' })
  @IsOptional()
  @IsUUID('all', { message: 'owner must be a UUID' })
  owner?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId?: string;
}
