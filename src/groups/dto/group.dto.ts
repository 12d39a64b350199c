import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NO_CONTROL_CHARS, SINGLE_LINE, Trim } from '../../common/dto';
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
  @Matches(SINGLE_LINE, { message: 'name must not contain control characters' })
  name: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @Matches(NO_CONTROL_CHARS, { message: 'description must not contain control characters' })
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'open' })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
}

export class UpdateGroupDto extends PartialType(CreateGroupDto) {}

export class SetMemberDto {
  @ApiProperty({ enum: GROUP_ROLES })
  @IsIn(GROUP_ROLES)
  role: GroupRole;
}
