import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, IsUrl, Length } from 'class-validator';
import { Nullable, Trim } from '../../common/dto';
import { SingleLineText } from '../../common/text';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisation.entity';

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Basque Energy Cluster' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 40, example: 'Energy' })
  @Trim()
  @IsString()
  @Length(1, 40)
  @SingleLineText()
  shortName: string;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 100, nullable: true, example: 'energy' })
  @Nullable()
  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  sector?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true, example: 'https://example.org' })
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @Length(1, 500)
  website?: string | null;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, { skipNullProperties: false }) {}
