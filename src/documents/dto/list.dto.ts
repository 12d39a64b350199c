import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, DocumentKind, DocumentStatus } from '../rules';
import { QueryBool, QueryInt } from './fields';

export class ListDocumentsQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'children of this page' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'only templates' })
  @IsOptional()
  @QueryBool()
  @IsBoolean({ message: 'templates must be true or false' })
  templates?: boolean;

  @ApiPropertyOptional({ description: 'admins: list soft-deleted documents instead' })
  @IsOptional()
  @QueryBool()
  @IsBoolean({ message: 'deleted must be true or false' })
  deleted?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'offset must be an integer' })
  @Min(0)
  offset?: number;
}
