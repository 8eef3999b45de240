import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { AtRiskStudentsQuery } from './dto/risk.input';
import { AtRiskStudentPage, AtRiskStudentView, StudentRiskView } from './dto/risk.views';
import { RiskService } from './risk.service';

@ApiTags('risk')
@ApiBearerAuth()
@Controller('v1')
export class RiskController {
  constructor(private readonly risk: RiskService) {}

  @RequireScope('read')
  @Get('students/:id/risk')
  @ApiOkResponse({
    type: StudentRiskView,
    description: 'The student’s risk level with its signals, evidence and latest level changes.',
  })
  studentRisk(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<StudentRiskView> {
    return this.risk.studentRisk(ctx, id);
  }

  @RequireScope('read')
  @Get('risk/students')
  @ApiOkResponse({
    type: AtRiskStudentPage,
    description: 'Students at one level, or at medium and high without a level, highest score first.',
  })
  atRiskStudents(
    @Ctx() ctx: RequestContext,
    @Query() query: AtRiskStudentsQuery,
  ): Promise<Page<AtRiskStudentView>> {
    return this.risk.atRiskStudents(ctx, query.level, {
      limit: query.limit,
      cursor: query.cursor,
    });
  }
}
