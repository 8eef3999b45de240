import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { instanceToPlain } from 'class-transformer';
import { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { AppError, badInput, ErrorCode } from './app-error';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Stored responses are replayed for this long; a key may be reused after it. */
const RETENTION_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

/**
 * Makes REST creates safe to retry: a POST with an `Idempotency-Key` header runs once per
 * organization and key, and a retry with the same request gets the stored response back.
 * Every REST controller with a POST route binds it with `@UseInterceptors`. It is not a
 * global interceptor, so that routes without POST (health, GraphQL) skip NestJS's
 * interceptor chain.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private requestsSincePurge = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    const ctx = request.hilinkContext;
    if (request.method !== 'POST' || key === undefined || !ctx) {
      return next.handle();
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw badInput(
        'Idempotency-Key',
        'The Idempotency-Key header is invalid: expected 1 to 200 visible ASCII characters, such as a UUID.',
        'INVALID_IDEMPOTENCY_KEY',
      );
    }
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.run(ctx.organizationId, key, request, reply, status, next));
  }

  private async run(
    organizationId: string,
    key: string,
    request: AuthenticatedRequest,
    reply: FastifyReply,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    await this.purgeExpired();
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [organizationId, key, hash],
    );
    if (claimed.length === 0) {
      return this.replay(organizationId, key, hash, reply);
    }
    try {
      const result = instanceToPlain(await lastValueFrom(next.handle()));
      await this.dataSource.query(
        `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE organization_id = $1 AND key = $2`,
        [organizationId, key, status, JSON.stringify(result ?? null)],
      );

      return result;
    } catch (error) {
      // A failed request stores nothing, so the client can fix the input and retry with the same key.
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2`, [
        organizationId,
        key,
      ]);
      throw error;
    }
  }

  private async replay(organizationId: string, key: string, hash: string, reply: FastifyReply) {
    const rows: StoredResponse[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    const stored = rows[0];
    if (!stored || stored.request_hash !== hash) {
      throw new AppError(
        ErrorCode.Conflict,
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' },
      );
    }
    if (stored.status_code === null) {
      throw new AppError(
        ErrorCode.Conflict,
        'A request with this Idempotency-Key is still in progress. Retry after it finishes.',
        { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', field: 'Idempotency-Key' },
      );
    }
    void reply.status(stored.status_code).header('idempotent-replayed', 'true');

    return stored.response;
  }

  private async purgeExpired(): Promise<void> {
    this.requestsSincePurge += 1;
    if (this.requestsSincePurge < 100) {
      return;
    }
    this.requestsSincePurge = 0;
    try {
      await this.dataSource.query(
        `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
        [RETENTION_HOURS],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'Failed to purge expired idempotency keys');
    }
  }
}
