import { ValidateBy, ValidationOptions } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, passwordLengthOk } from '../../common/password-rules';

/**
 * A new password: a string of PASSWORD_MIN to PASSWORD_MAX characters, counted on its NFC
 * form (the form it is hashed in), so the same password typed on another keyboard is
 * judged the same.
 */
export function IsNewPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNewPassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordLengthOk(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${args.property} must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`
            : `${args?.property ?? 'password'} must be a string`,
      },
    },
    options,
  );
}
