import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness probe: returns 200 without a database query, so a slow database never fails it. */
  @Public()
  @Get('live')
  @ApiOkResponse({
    description: 'The process is up and serving requests. The database is not checked.',
  })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Status of the API and its database.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const driver = this.dataSource.options.driver ? 'pglite' : 'postgres';
    const started = process.hrtime.bigint();
    try {
      await this.dataSource.query('SELECT 1');
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;

      return { status: 'ok', database: { status: 'up', driver, latencyMs } };
    } catch (error) {
      void reply.status(503);

      return {
        status: 'error',
        database: { status: 'down', driver, error: error instanceof Error ? error.message : 'unknown' },
      };
    }
  }
}
