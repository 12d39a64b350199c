import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SINGLE_LINE, Trim } from '../../common/dto';
import { IsNewPassword } from '../../auth/dto/password.validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../auth/password-rules';
import { LOCALES, Locale, PLATFORM_ROLES, PlatformRole } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'ane@energy-cluster.eus', maxLength: 254 })
  @IsString()
  @Length(3, 254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Ane Etxeberria' })
  @Trim()
  @IsString()
  @Length(1, 100)
  @Matches(SINGLE_LINE, { message: 'displayName must not contain control characters' })
  displayName: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: 'Counted in characters of its NFC form',
  })
  @IsNewPassword()
  password: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ enum: PLATFORM_ROLES, default: 'member' })
  @IsOptional()
  @IsIn(PLATFORM_ROLES)
  role?: PlatformRole;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const)) {
  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** What people may change about themselves. */
export class UpdateMeDto extends PartialType(OmitType(CreateUserDto, ['email', 'organisationId', 'role'] as const)) {
  @ApiPropertyOptional({ description: 'Your current password: required with `password`' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword?: string;
}
