import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CreateStudentInput, UpdateStudentInput } from './dto/student.input';
import { Guardian } from './guardian.entity';
import { GuardiansService } from './guardians.service';
import { Student } from './student.entity';
import { StudentGuardian } from './student-guardian.entity';
import {
  MAX_GUARDIANS_PER_STUDENT,
  MAX_STUDENTS_PER_GUARDIAN,
  StudentErrors,
} from './students.errors';

export const studentSortValue = (student: Student): string => student.createdAt.toISOString();

@Injectable()
export class StudentsService {
  private readonly logger = new Logger(StudentsService.name);

  constructor(
    @InjectRepository(Student) private readonly students: Repository<Student>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guardians: GuardiansService,
  ) {}

  async create(ctx: RequestContext, input: CreateStudentInput): Promise<Student> {
    await this.assertExternalIdFree(ctx, input.externalId);
    const student = await this.students.save(
      this.students.create({
        organizationId: ctx.organizationId,
        name: input.name,
        email: input.email?.toLowerCase() ?? null,
        gradeLevel: input.gradeLevel ?? null,
        timeZone: input.timeZone ?? null,
        externalId: input.externalId ?? null,
      }),
    );
    this.logger.log(
      { organizationId: ctx.organizationId, studentId: student.id },
      'Student created',
    );

    return student;
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Student> {
    const student = await this.students.findOneBy({ id, organizationId: ctx.organizationId });
    if (!student) {
      throw notFound('Student', id, field);
    }

    return student;
  }

  /** Loads students in the order of `ids`; raises NOT_FOUND naming the first id that is missing. */
  async findByIds(ctx: RequestContext, ids: string[]): Promise<Student[]> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.students.findBy({ id: In(unique), organizationId: ctx.organizationId })
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));

    return ids.map((id) => {
      const student = byId.get(id);
      if (!student) {
        throw notFound('Student', id, 'ids');
      }

      return student;
    });
  }

  list(ctx: RequestContext, page: PageRequest): Promise<Page<Student>> {
    const query = this.students
      .createQueryBuilder('student')
      .where('student.organizationId = :organizationId', { organizationId: ctx.organizationId });

    return paginate(query, page, {
      sortColumn: 'student.createdAt',
      sortValue: studentSortValue,
      idColumn: 'student.id',
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateStudentInput): Promise<Student> {
    await this.get(ctx, id);
    await this.assertExternalIdFree(ctx, input.externalId, id);
    const changes: Partial<Student> = {
      name: input.name,
      email: input.email === null ? null : input.email?.toLowerCase(),
      gradeLevel: input.gradeLevel,
      timeZone: input.timeZone,
      externalId: input.externalId,
    };
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    await this.students.update({ id, organizationId: ctx.organizationId }, defined);
    this.logger.log({ organizationId: ctx.organizationId, studentId: id }, 'Student updated');

    return this.get(ctx, id);
  }

  /** Links a guardian to a student; linking an existing pair again changes nothing. */
  async linkGuardian(
    ctx: RequestContext,
    studentId: string,
    guardianId: string,
  ): Promise<Guardian[]> {
    await this.get(ctx, studentId, 'studentId');
    await this.guardians.get(ctx, guardianId, 'guardianId');
    await this.dataSource.transaction(async (manager) => {
      const links = manager.getRepository(StudentGuardian);
      const existing = await links.findOneBy({
        studentId,
        guardianId,
        organizationId: ctx.organizationId,
      });
      if (existing) {
        return;
      }
      if ((await links.countBy({ studentId })) >= MAX_GUARDIANS_PER_STUDENT) {
        throw StudentErrors.tooManyGuardians(studentId);
      }
      if ((await links.countBy({ guardianId })) >= MAX_STUDENTS_PER_GUARDIAN) {
        throw StudentErrors.tooManyStudents(guardianId);
      }
      await links.insert({ studentId, guardianId, organizationId: ctx.organizationId });
    });
    this.logger.log(
      { organizationId: ctx.organizationId, studentId, guardianId },
      'Guardian linked',
    );

    return this.guardiansOf(ctx, studentId);
  }

  async unlinkGuardian(
    ctx: RequestContext,
    studentId: string,
    guardianId: string,
  ): Promise<Guardian[]> {
    await this.get(ctx, studentId, 'studentId');
    const result = await this.dataSource
      .getRepository(StudentGuardian)
      .delete({ studentId, guardianId, organizationId: ctx.organizationId });
    if (!result.affected) {
      throw StudentErrors.linkNotFound(studentId, guardianId);
    }
    this.logger.log(
      { organizationId: ctx.organizationId, studentId, guardianId },
      'Guardian unlinked',
    );

    return this.guardiansOf(ctx, studentId);
  }

  /** Returns a student's guardians in the order they were linked. */
  async guardiansOf(ctx: RequestContext, studentId: string): Promise<Guardian[]> {
    await this.get(ctx, studentId, 'studentId');

    return this.dataSource
      .getRepository(Guardian)
      .createQueryBuilder('guardian')
      .innerJoin(StudentGuardian, 'link', 'link.guardianId = guardian.id')
      .where('link.studentId = :studentId', { studentId })
      .andWhere('link.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('guardian.organizationId = :organizationId')
      .orderBy('link.createdAt', 'ASC')
      .addOrderBy('guardian.id', 'ASC')
      .getMany();
  }

  /** Returns the students a guardian is linked to, in the order they were linked. */
  async studentsOf(ctx: RequestContext, guardianId: string): Promise<Student[]> {
    await this.guardians.get(ctx, guardianId, 'guardianId');

    return this.students
      .createQueryBuilder('student')
      .innerJoin(StudentGuardian, 'link', 'link.studentId = student.id')
      .where('link.guardianId = :guardianId', { guardianId })
      .andWhere('link.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('student.organizationId = :organizationId')
      .orderBy('link.createdAt', 'ASC')
      .addOrderBy('student.id', 'ASC')
      .getMany();
  }

  private async assertExternalIdFree(
    ctx: RequestContext,
    externalId: string | null | undefined,
    exceptId?: string,
  ): Promise<void> {
    if (!externalId) {
      return;
    }
    const existing = await this.students.findOneBy({
      organizationId: ctx.organizationId,
      externalId,
    });
    if (existing && existing.id !== exceptId) {
      throw StudentErrors.externalIdTaken(externalId);
    }
  }
}
