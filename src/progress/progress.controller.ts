import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CoverageService } from './coverage.service';
import {
  CoverageGapList,
  EnrollmentCoverage,
  ProgressHistoryPage,
  StudentProgressList,
} from './dto/coverage.views';
import {
  ClearProgressOverrideInput,
  CoverageGapsFilter,
  OverrideProgressInput,
  StudentProgressQuery,
} from './dto/progress.input';
import { ProgressChange } from './progress-change.entity';
import { ProgressRecordView } from './progress-record.entity';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly coverage: CoverageService,
  ) {}

  @RequireScope('read')
  @Get('students/:id/progress')
  @ApiOkResponse({ type: StudentProgressList })
  async studentProgress(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() query: StudentProgressQuery,
  ): Promise<StudentProgressList> {
    return { items: await this.progress.studentProgress(ctx, id, query.curriculumId) };
  }

  @RequireScope('read')
  @Get('progress-records/:id')
  @ApiOkResponse({
    type: ProgressRecordView,
    description: 'The record with up to 200 evidence items.',
  })
  record(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ProgressRecordView> {
    return this.progress.getRecord(ctx, id);
  }

  @RequireScope('read')
  @Get('progress-records/:id/history')
  @ApiOkResponse({
    type: ProgressHistoryPage,
    description: 'Every change of the record, oldest first.',
  })
  history(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<ProgressChange>> {
    return this.progress.history(ctx, id, page);
  }

  @RequireScope('write')
  @AllowParticipant()
  @Post('progress-overrides')
  @HttpCode(200)
  @ApiOkResponse({
    type: ProgressRecordView,
    description: 'The record with the override in effect; it stays in effect until it is cleared.',
  })
  override(
    @Ctx() ctx: RequestContext,
    @Body() input: OverrideProgressInput,
  ): Promise<ProgressRecordView> {
    return this.progress.override(ctx, input);
  }

  @RequireScope('write')
  @Post('progress-records/:id/clear-override')
  @HttpCode(200)
  @ApiOkResponse({ type: ProgressRecordView })
  clearOverride(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: ClearProgressOverrideInput,
  ): Promise<ProgressRecordView> {
    return this.progress.clearOverride(ctx, id, input);
  }

  @RequireScope('read')
  @Get('enrollments/:id/coverage')
  @ApiOkResponse({ type: EnrollmentCoverage })
  enrollmentCoverage(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<EnrollmentCoverage> {
    return this.coverage.enrollmentCoverage(ctx, id);
  }

  @RequireScope('read')
  @Get('coverage/gaps')
  @ApiOkResponse({ type: CoverageGapList })
  async gaps(
    @Ctx() ctx: RequestContext,
    @Query() filter: CoverageGapsFilter,
  ): Promise<CoverageGapList> {
    return { items: await this.coverage.gaps(ctx, filter) };
  }
}
