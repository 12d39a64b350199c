import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '../../common/dates';
import { Nullable, Optional, Trim } from '../../common/dto';
import { MultiLineText } from '../../common/text';
import { ACTION_ITEM_STATUSES, ActionItemStatus, KNOWLEDGE_LIMITS } from '../rules';

/** An action item inside a meeting summary; `id` keeps an existing item when the summary is saved again. */
export class ActionItemInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing item to keep; omit for a new one' })
  @Optional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: KNOWLEDGE_LIMITS.actionItemChars })
  @Trim()
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.actionItemChars)
  @MultiLineText()
  description: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the person who owns it (or give ownerOrganisationId)',
  })
  @Nullable()
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the organisation that owns it (or give ownerUserId)',
  })
  @Nullable()
  @IsUUID('all', { message: 'ownerOrganisationId must be a UUID' })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-31', nullable: true })
  @Nullable()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, default: 'open' })
  @Optional()
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
  @Optional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'a person, or an organisation (its people included)' })
  @Optional()
  @IsUUID('all', { message: 'owner must be a UUID' })
  owner?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'documentId must be a UUID' })
  documentId?: string;
}
