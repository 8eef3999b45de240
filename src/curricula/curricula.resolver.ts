import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { PageArgs, pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CurriculaService, curriculumSortValue } from './curricula.service';
import { Curriculum } from './curriculum.entity';
import { parseCurriculumJson } from './curriculum-document';
import { AddObjectivesInput, CreateCurriculumInput } from './dto/curriculum.input';
import { CurriculumConnection, CurriculumImportResult } from './dto/curriculum-output';
import { Objective } from './objective.entity';

@Resolver(() => Curriculum)
export class CurriculaResolver {
  constructor(private readonly curricula: CurriculaService) {}

  @RequireScope('read')
  @Query(() => Curriculum)
  curriculum(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.curricula.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => CurriculumConnection, { name: 'curricula' })
  async listCurricula(@Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    const page = await this.curricula.list(ctx, pageFromArgs(args));

    return toConnection(page, curriculumSortValue);
  }

  @ResolveField(() => [Objective], { description: 'The objectives ordered by position.' })
  objectives(@Ctx() ctx: RequestContext, @Parent() curriculum: Curriculum) {
    return this.curricula.getObjectives(ctx, curriculum.id);
  }

  @RequireScope('write')
  @Mutation(() => Curriculum, {
    description: 'Creates a curriculum with its objectives in one step.',
  })
  createCurriculum(@Ctx() ctx: RequestContext, @Args('input') input: CreateCurriculumInput) {
    return this.curricula.create(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => [Objective], {
    description: 'Appends objectives to a curriculum and returns them.',
  })
  addObjectives(
    @Ctx() ctx: RequestContext,
    @Args('curriculumId', { type: () => ID }, new ParseUuidPipe('curriculumId'))
    curriculumId: string,
    @Args('input') input: AddObjectivesInput,
  ) {
    return this.curricula.addObjectives(ctx, curriculumId, input);
  }

  @RequireScope('write')
  @Mutation(() => CurriculumImportResult, {
    description:
      'Imports a curriculum from a JSON document with name, source, license fields and items ' +
      '(code, title, description, grade, domain, cluster, parent, prerequisites). Nothing is written when it is invalid.',
  })
  importCurriculum(
    @Ctx() ctx: RequestContext,
    @Args('document', { description: 'The curriculum document as a JSON string.' })
    document: string,
  ) {
    return this.curricula.import(ctx, parseCurriculumJson(document));
  }
}
