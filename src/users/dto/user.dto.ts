import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Nullable, Optional, Trim } from '../../common/dto';
import { SingleLineText } from '../../common/text';
import { IsNewPassword } from '../../auth/dto/password.validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../common/password-rules';
import { PLATFORM_ROLES, PlatformRole } from '../../auth/actor';
import { LOCALES, Locale } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'ane@energy-cluster.eus', minLength: 3, maxLength: 254 })
  @IsString()
  @Length(3, 254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Ane Etxeberria' })
  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  displayName: string;

  @ApiProperty({
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
    description: 'Counted in characters of its NFC form',
  })
  @IsNewPassword()
  password: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @Optional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ enum: PLATFORM_ROLES, default: 'member' })
  @Optional()
  @IsIn(PLATFORM_ROLES)
  role?: PlatformRole;
}

// skipNullProperties: false — a field left out is kept; a field sent as null is refused (400),
// except those declared Nullable (organisationId: null leaves the organisation).
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

/** What people may change about themselves. */
export class UpdateMeDto extends PartialType(OmitType(CreateUserDto, ['email', 'organisationId', 'role'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ description: 'Your current password: required with `password`' })
  @Optional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  currentPassword?: string;
}
