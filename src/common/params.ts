import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { invalid } from './errors';
import { integerReason, parseIntegerText } from './integers';
import { IntegerBounds } from './limits';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalid(name, 'must be a UUID') }));

class IntegerParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly bounds: IntegerBounds,
  ) {}

  transform(value: string): number {
    const n = parseIntegerText(value, this.bounds);
    if (n === null) throw invalid(this.name, integerReason(this.bounds));
    return n;
  }
}

/** An integer route parameter (see integers.ts); anything else is a 400 naming it and the bounds. */
export const IntegerParam = (name: string, b: IntegerBounds): ParameterDecorator =>
  Param(name, new IntegerParamPipe(name, b));
