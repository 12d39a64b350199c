import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches, ValidateIf } from 'class-validator';
import { SINGLE_LINE, Trim } from '../../common/dto';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisation.entity';

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Basque Energy Cluster' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @Matches(SINGLE_LINE, { message: 'name must not contain control characters' })
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 40, example: 'Energy' })
  @Trim()
  @IsString()
  @Length(1, 40)
  @Matches(SINGLE_LINE, { message: 'shortName must not contain control characters' })
  shortName: string;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, example: 'energy' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  @Matches(SINGLE_LINE, { message: 'sector must not contain control characters' })
  sector?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://example.org' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @Length(1, 500)
  website?: string | null;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}
