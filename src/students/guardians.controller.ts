import { Body, Controller, Get, Param, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateGuardianInput, UpdateGuardianInput } from './dto/guardian.input';
import { GuardianPage } from './dto/student-page';
import { Guardian } from './guardian.entity';
import { GuardiansService } from './guardians.service';
import { Student } from './student.entity';
import { StudentsService } from './students.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('guardians')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class GuardiansController {
  constructor(
    private readonly guardians: GuardiansService,
    private readonly students: StudentsService,
  ) {}

  @RequireScope('write')
  @Post('guardians')
  @ApiCreatedResponse({ type: Guardian })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateGuardianInput): Promise<Guardian> {
    return this.guardians.create(ctx, input);
  }

  @RequireScope('read')
  @Get('guardians')
  @ApiOkResponse({ type: GuardianPage })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<Guardian>> {
    return this.guardians.list(ctx, query);
  }

  @RequireScope('read')
  @Get('guardians/:id')
  @ApiOkResponse({ type: Guardian })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Guardian> {
    return this.guardians.get(ctx, id);
  }

  @RequireScope('write')
  @Patch('guardians/:id')
  @ApiOkResponse({ type: Guardian })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateGuardianInput,
  ): Promise<Guardian> {
    return this.guardians.update(ctx, id, input);
  }

  @RequireScope('read')
  @Get('guardians/:id/students')
  @ApiOkResponse({ type: [Student] })
  linkedStudents(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Student[]> {
    return this.students.studentsOf(ctx, id);
  }
}
