import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Job } from './job.entity';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('v1')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @RequireScope('read')
  @Get('jobs/:id')
  @ApiOkResponse({ type: Job })
  get(@Ctx() ctx: RequestContext, @Param('id', new ParseUuidPipe('id')) id: string): Promise<Job> {
    return this.jobs.get(ctx, id);
  }
}
