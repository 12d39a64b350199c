import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsUUID } from 'class-validator';
import { Optional, QueryBoolean } from '../../common/dto';
import { QueryInteger } from '../../common/integers';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'only unread ones' })
  @Optional()
  @QueryBoolean()
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @Optional()
  @QueryInteger({ min: 1, max: 100 })
  limit?: number;
}

export class MarkNotificationsReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    description: 'ids to mark read; omit to mark all read',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'ids must be UUIDs' })
  ids?: string[];
}
