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
import { checkIdempotencyKey, IDEMPOTENCY_HEADER, IdempotencyStore } from './idempotency-store';

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
  private readonly store: IdempotencyStore;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {
    this.store = new IdempotencyStore(dataSource, (error) =>
      this.logger.warn({ err: error }, 'Failed to purge expired idempotency keys'),
    );
  }

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
    checkIdempotencyKey(key);
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.run(ctx.organizationId, key as string, request, reply, status, next));
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
    const claim = await this.store.claim(organizationId, key, hash);
    if (claim.kind === 'replay') {
      void reply.status(claim.statusCode).header('idempotent-replayed', 'true');

      return claim.response;
    }
    try {
      const result = instanceToPlain(await lastValueFrom(next.handle()));
      await this.store.complete(organizationId, key, status, result);

      return result;
    } catch (error) {
      // A failed request stores nothing, so the client can fix the input and retry with the same key.
      await this.store.release(organizationId, key);
      throw error;
    }
  }
}
