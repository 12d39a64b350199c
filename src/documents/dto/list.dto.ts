import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { Optional, QueryBoolean } from '../../common/dto';
import { QueryInteger } from '../../common/integers';
import { INTEGER_BOUNDS } from '../../common/limits';
import { SingleLineText } from '../../common/text';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DocumentKind, DocumentStatus } from '../rules';

const OFFSET = INTEGER_BOUNDS.listOffset;

export class ListDocumentsQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @Optional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({ minLength: 1, maxLength: 40 })
  @Optional()
  @IsString()
  @Length(1, 40)
  @SingleLineText()
  tag?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @Optional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'children of this page' })
  @Optional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'only templates' })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'templates must be true or false' })
  templates?: boolean;

  @ApiPropertyOptional({ description: 'admins: list soft-deleted documents instead' })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'deleted must be true or false' })
  deleted?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 100 })
  @Optional()
  @QueryInteger({ min: 1, max: 200 })
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: OFFSET.min, maximum: OFFSET.max, default: 0 })
  @Optional()
  @QueryInteger(OFFSET)
  offset?: number;
}
