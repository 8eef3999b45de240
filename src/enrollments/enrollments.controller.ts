import { Body, Controller, Get, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import {
  CreateEnrollmentInput,
  EnrollmentPage,
  ListEnrollmentsQuery,
  UpdateEnrollmentInput,
} from './dto/enrollment.input';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsService } from './enrollments.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @RequireScope('write')
  @Post('enrollments')
  @ApiCreatedResponse({ type: Enrollment })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateEnrollmentInput): Promise<Enrollment> {
    return this.enrollments.create(ctx, input);
  }

  @RequireScope('read')
  @Get('enrollments')
  @ApiOkResponse({ type: EnrollmentPage })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListEnrollmentsQuery,
  ): Promise<Page<Enrollment>> {
    const filter = {
      studentId: query.studentId,
      instructorId: query.instructorId,
      curriculumId: query.curriculumId,
      status: query.status,
    };

    return this.enrollments.list(ctx, filter, query);
  }

  @RequireScope('read')
  @Get('enrollments/:id')
  @ApiOkResponse({ type: Enrollment })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Enrollment> {
    return this.enrollments.get(ctx, id);
  }

  @RequireScope('write')
  @Patch('enrollments/:id')
  @ApiOkResponse({ type: Enrollment })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateEnrollmentInput,
  ): Promise<Enrollment> {
    return this.enrollments.update(ctx, id, input);
  }
}
