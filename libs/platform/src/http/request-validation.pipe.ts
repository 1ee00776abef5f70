import { DomainError } from '@titipan/kernel';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { flattenValidationErrors } from '@titipan/contracts';
import { assertRequestShape, MAX_REPORTED_PROBLEMS } from './request-shape';

/**
 * Every body, query and path parameter is checked at the edge. First the request-shape pass on the raw value
 * (array lengths, control characters: cheap, and before any per-element work), then class-validator: unknown
 * fields refused, every failed rule named, the first 50 listed with the total.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: (errors: ValidationError[]) => {
        const fields = flattenValidationErrors(errors);
        return new DomainError('validation', 'VALIDATION_FAILED', 'the request does not conform', {
          fields: fields.slice(0, MAX_REPORTED_PROBLEMS),
          total: fields.length,
        });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // custom parameters (the actor) come from our own code, not from the request
    if (metadata.type !== 'custom') assertRequestShape(value, metadata.metatype, metadata.data);
    return super.transform(value, metadata);
  }
}

export const createValidationPipe = () => new RequestValidationPipe();
