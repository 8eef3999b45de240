import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CurriculumErrors } from './curricula.errors';
import { Curriculum } from './curriculum.entity';
import { parseCurriculumDocument } from './curriculum-document';
import { CURRICULUM_LIMITS } from './curriculum-limits';
import { AddObjectivesInput, CreateCurriculumInput } from './dto/curriculum.input';
import { CurriculumImportResult, ImportWarning } from './dto/curriculum-output';
import { ObjectiveInput } from './dto/objective.input';
import { Objective } from './objective.entity';
import {
  checkObjectives,
  DOCUMENT_FIELD_NAMES,
  INPUT_FIELD_NAMES,
  ObjectiveFieldNames,
} from './objective-checks';

export const curriculumSortValue = (curriculum: Curriculum): string =>
  curriculum.createdAt.toISOString();

/** Rows per INSERT, so a 1000-objective curriculum stays well under PostgreSQL's 65535 parameters. */
const INSERT_CHUNK = 250;

@Injectable()
export class CurriculaService {
  private readonly logger = new Logger(CurriculaService.name);

  constructor(
    @InjectRepository(Curriculum) private readonly curricula: Repository<Curriculum>,
    @InjectRepository(Objective) private readonly objectives: Repository<Objective>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates a curriculum and its objectives in one transaction. */
  async create(ctx: RequestContext, input: CreateCurriculumInput): Promise<Curriculum> {
    const { curriculum } = await this.createChecked(ctx, input, INPUT_FIELD_NAMES);

    return curriculum;
  }

  /**
   * Imports a curriculum document; see `parseCurriculumDocument` for its shape. Nothing is
   * written unless the whole document is valid.
   */
  async import(ctx: RequestContext, document: unknown): Promise<CurriculumImportResult> {
    const input = parseCurriculumDocument(document);
    const { curriculum, warnings } = await this.createChecked(ctx, input, DOCUMENT_FIELD_NAMES);
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        curriculumId: curriculum.id,
        warnings: warnings.length,
      },
      'Curriculum imported',
    );

    return { curriculum, objectiveCount: input.objectives?.length ?? 0, warnings };
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Curriculum> {
    const curriculum = await this.curricula.findOneBy({ id, organizationId: ctx.organizationId });
    if (!curriculum) {
      throw notFound('Curriculum', id, field);
    }

    return curriculum;
  }

  list(ctx: RequestContext, page: PageRequest): Promise<Page<Curriculum>> {
    const query = this.curricula
      .createQueryBuilder('curriculum')
      .where('curriculum.organizationId = :organizationId', { organizationId: ctx.organizationId });

    return paginate(query, page, {
      sortColumn: 'curriculum.createdAt',
      sortValue: curriculumSortValue,
      idColumn: 'curriculum.id',
    });
  }

  /** Appends objectives after the curriculum's last position; returns the added objectives. */
  async addObjectives(
    ctx: RequestContext,
    curriculumId: string,
    input: AddObjectivesInput,
  ): Promise<Objective[]> {
    await this.get(ctx, curriculumId);
    const added = await this.dataSource.transaction(async (manager) => {
      // Locks the curriculum row so concurrent appends get distinct positions.
      await manager
        .createQueryBuilder(Curriculum, 'curriculum')
        .setLock('pessimistic_write')
        .where('curriculum.id = :curriculumId', { curriculumId })
        .getOne();
      const existing = await manager.find(Objective, {
        where: { curriculumId, organizationId: ctx.organizationId },
        select: { code: true, position: true },
      });
      this.assertRoom(existing.length, input.objectives.length);
      checkObjectives(
        input.objectives,
        new Set(existing.map((row) => row.code)),
        INPUT_FIELD_NAMES,
      );
      const start = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);

      return this.insertObjectives(manager, ctx, curriculumId, input.objectives, start);
    });
    this.logger.log(
      { organizationId: ctx.organizationId, curriculumId, added: added.length },
      'Objectives added',
    );

    return added;
  }

  /** Returns a curriculum's objectives ordered by position. */
  async getObjectives(ctx: RequestContext, curriculumId: string): Promise<Objective[]> {
    await this.get(ctx, curriculumId, 'curriculumId');

    return this.objectives.find({
      where: { curriculumId, organizationId: ctx.organizationId },
      order: { position: 'ASC' },
    });
  }

  /**
   * Returns the objectives with these codes in the order of `codes`. Raises NOT_FOUND naming
   * every unknown code, with `field` as the input field the codes came from.
   */
  async findObjectivesByCodes(
    ctx: RequestContext,
    curriculumId: string,
    codes: string[],
    field = 'codes',
  ): Promise<Objective[]> {
    await this.get(ctx, curriculumId, 'curriculumId');
    const unique = [...new Set(codes)];
    const rows = unique.length
      ? await this.objectives.findBy({
          curriculumId,
          organizationId: ctx.organizationId,
          code: In(unique),
        })
      : [];
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const unknown = unique.filter((code) => !byCode.has(code));
    if (unknown.length > 0) {
      throw CurriculumErrors.unknownCodes(field, curriculumId, unknown);
    }

    return codes.map((code) => byCode.get(code) as Objective);
  }

  private async createChecked(
    ctx: RequestContext,
    input: CreateCurriculumInput,
    names: ObjectiveFieldNames,
  ): Promise<{ curriculum: Curriculum; warnings: ImportWarning[] }> {
    const objectives = input.objectives ?? [];
    this.assertRoom(0, objectives.length, names.list);
    const warnings = checkObjectives(objectives, new Set(), names);
    const curriculum = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(Curriculum, this.curriculumRow(ctx, input)));
      await this.insertObjectives(manager, ctx, saved.id, objectives, 0);

      return saved;
    });
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        curriculumId: curriculum.id,
        objectives: objectives.length,
      },
      'Curriculum created',
    );

    return { curriculum, warnings };
  }

  private curriculumRow(ctx: RequestContext, input: CreateCurriculumInput): Partial<Curriculum> {
    return {
      organizationId: ctx.organizationId,
      name: input.name,
      subject: input.subject ?? null,
      gradeLevels: input.gradeLevels ?? [],
      description: input.description ?? null,
      source: input.source ?? null,
      license: input.license ?? null,
      licenseNotice: input.licenseNotice ?? null,
      licenseUrl: input.licenseUrl ?? null,
      sourceUrl: input.sourceUrl ?? null,
    };
  }

  private assertRoom(existing: number, added: number, field = 'objectives'): void {
    if (existing + added > CURRICULUM_LIMITS.objectives) {
      throw CurriculumErrors.tooManyObjectives(field, existing, added);
    }
  }

  private async insertObjectives(
    manager: EntityManager,
    ctx: RequestContext,
    curriculumId: string,
    objectives: ObjectiveInput[],
    startPosition: number,
  ): Promise<Objective[]> {
    const rows = objectives.map((objective, index) =>
      manager.create(Objective, {
        organizationId: ctx.organizationId,
        curriculumId,
        code: objective.code,
        title: objective.title,
        description: objective.description ?? null,
        grade: objective.grade ?? null,
        domain: objective.domain ?? null,
        domainCode: objective.domainCode ?? null,
        cluster: objective.cluster ?? null,
        clusterCode: objective.clusterCode ?? null,
        clusterEmphasis: objective.clusterEmphasis ?? null,
        position: startPosition + index,
        parentCode: objective.parentCode ?? null,
        prerequisiteCodes: objective.prerequisiteCodes ?? [],
      }),
    );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.insert(Objective, rows.slice(start, start + INSERT_CHUNK));
    }

    return rows;
  }
}
