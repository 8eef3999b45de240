import { Body, Controller, Get, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from './curricula.service';
import { Curriculum } from './curriculum.entity';
import { AddObjectivesInput, CreateCurriculumInput } from './dto/curriculum.input';
import {
  CurriculumImportResult,
  CurriculumPage,
  CurriculumWithObjectives,
} from './dto/curriculum-output';
import { Objective } from './objective.entity';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('curricula')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class CurriculaController {
  constructor(private readonly curricula: CurriculaService) {}

  @RequireScope('write')
  @Post('curricula')
  @ApiCreatedResponse({ type: CurriculumWithObjectives })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() input: CreateCurriculumInput,
  ): Promise<CurriculumWithObjectives> {
    const curriculum = await this.curricula.create(ctx, input);

    return this.withObjectives(ctx, curriculum);
  }

  @RequireScope('write')
  @Post('curricula/import')
  @ApiBody({
    description:
      'A curriculum document: name, source, license, licenseNotice, licenseUrl, sourceUrl and items ' +
      '[{ code, title, description, grade, domain, domainCode, cluster, clusterCode, clusterEmphasis, parent, prerequisites }]. ' +
      'Bodies up to 10 MB.',
    schema: { type: 'object' },
  })
  @ApiCreatedResponse({ type: CurriculumImportResult })
  async import(
    @Ctx() ctx: RequestContext,
    @Body() document: unknown,
  ): Promise<CurriculumImportResult> {
    const result = await this.curricula.import(ctx, document);

    return { ...result, curriculum: await this.withObjectives(ctx, result.curriculum) };
  }

  @RequireScope('read')
  @Get('curricula')
  @ApiOkResponse({ type: CurriculumPage })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Page<Curriculum>> {
    return this.curricula.list(ctx, query);
  }

  @RequireScope('read')
  @Get('curricula/:id')
  @ApiOkResponse({ type: CurriculumWithObjectives })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<CurriculumWithObjectives> {
    return this.withObjectives(ctx, await this.curricula.get(ctx, id));
  }

  @RequireScope('read')
  @Get('curricula/:id/objectives')
  @ApiOkResponse({ type: [Objective] })
  objectives(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Objective[]> {
    return this.curricula.getObjectives(ctx, id);
  }

  @RequireScope('write')
  @Post('curricula/:id/objectives')
  @ApiCreatedResponse({ type: [Objective], description: 'The added objectives.' })
  addObjectives(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: AddObjectivesInput,
  ): Promise<Objective[]> {
    return this.curricula.addObjectives(ctx, id, input);
  }

  private async withObjectives(
    ctx: RequestContext,
    curriculum: Curriculum,
  ): Promise<CurriculumWithObjectives> {
    return { ...curriculum, objectives: await this.curricula.getObjectives(ctx, curriculum.id) };
  }
}
