import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Optional, Trim } from '../../common/dto';
import { MultiLineText, SingleLineText } from '../../common/text';
import { GROUP_ROLES, GroupRole } from '../membership.entity';
import { VISIBILITIES, Visibility } from '../working-group.entity';

export class CreateGroupDto {
  @ApiProperty({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60, example: 'tech-watch' })
  @IsString()
  @Length(2, 60)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters and digits separated by single dashes',
  })
  slug: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Technology Watch & Competitive Intelligence' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  name: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @Optional()
  @IsString()
  @Length(0, 2000)
  @MultiLineText()
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'open' })
  @Optional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
}

export class UpdateGroupDto extends PartialType(CreateGroupDto, { skipNullProperties: false }) {}

export class SetMemberDto {
  @ApiProperty({ enum: GROUP_ROLES })
  @IsIn(GROUP_ROLES)
  role: GroupRole;
}
