import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateStudentInput, UpdateStudentInput } from './dto/student.input';
import { StudentPage } from './dto/student-page';
import { Guardian } from './guardian.entity';
import { Student } from './student.entity';
import { StudentsService } from './students.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('students')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @RequireScope('write')
  @Post('students')
  @ApiCreatedResponse({ type: Student })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateStudentInput): Promise<Student> {
    return this.students.create(ctx, input);
  }

  @RequireScope('read')
  @Get('students')
  @ApiOkResponse({ type: StudentPage })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<Student>> {
    return this.students.list(ctx, query);
  }

  @RequireScope('read')
  @Get('students/:id')
  @ApiOkResponse({ type: Student })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Student> {
    return this.students.get(ctx, id);
  }

  @RequireScope('write')
  @Patch('students/:id')
  @ApiOkResponse({ type: Student })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateStudentInput,
  ): Promise<Student> {
    return this.students.update(ctx, id, input);
  }

  @RequireScope('read')
  @Get('students/:id/guardians')
  @ApiOkResponse({ type: [Guardian] })
  guardians(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Guardian[]> {
    return this.students.guardiansOf(ctx, id);
  }

  @RequireScope('write')
  @Put('students/:id/guardians/:guardianId')
  @ApiOkResponse({ type: [Guardian], description: "The student's guardians after linking." })
  link(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Param('guardianId', new ParseUuidPipe('guardianId')) guardianId: string,
  ): Promise<Guardian[]> {
    return this.students.linkGuardian(ctx, id, guardianId);
  }

  @RequireScope('write')
  @Delete('students/:id/guardians/:guardianId')
  @ApiOkResponse({ type: [Guardian], description: "The student's guardians after unlinking." })
  unlink(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Param('guardianId', new ParseUuidPipe('guardianId')) guardianId: string,
  ): Promise<Guardian[]> {
    return this.students.unlinkGuardian(ctx, id, guardianId);
  }
}
