import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from './app-error';

/** Rejects a malformed id as BAD_USER_INPUT before it reaches the database. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly field: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value)) {
      throw badInput(
        this.field,
        `${this.field} must be a UUID, got "${String(value).slice(0, 64)}".`,
        'INVALID_ID',
      );
    }

    return value;
  }
}
