import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ENROLLMENT_STATUSES = ['active', 'paused', 'completed', 'withdrawn'] as const;

export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** GraphQL enum values equal the stored strings, so both surfaces use the same words. */
export const EnrollmentStatusEnum = Object.fromEntries(
  ENROLLMENT_STATUSES.map((status) => [status, status]),
) as {
  [K in EnrollmentStatus]: K;
};

registerEnumType(EnrollmentStatusEnum, {
  name: 'EnrollmentStatus',
  description: 'active and paused enrollments may change; completed and withdrawn ones are final.',
});

@ObjectType({ description: 'A student learning a curriculum with an instructor.' })
@Entity('enrollments')
export class Enrollment {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  studentId: string;

  @ApiProperty({ format: 'uuid', description: 'A member with the instructor role.' })
  @Field(() => ID, { description: 'A member with the instructor role.' })
  @Column('uuid')
  instructorId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  curriculumId: string;

  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  @Field(() => EnrollmentStatusEnum)
  @Column({ type: 'varchar', length: 20 })
  status: EnrollmentStatus;

  @ApiProperty({ format: 'date', example: '2025-09-01', description: 'Calendar date, YYYY-MM-DD.' })
  @Field({ description: 'Calendar date, YYYY-MM-DD.' })
  @Column('date')
  startDate: string;

  @ApiProperty({
    type: [String],
    description: 'Objective codes of the curriculum in the planned teaching order.',
  })
  @Field(() => [String], {
    description: 'Objective codes of the curriculum in the planned teaching order.',
  })
  @Column('text', { array: true })
  plannedObjectiveCodes: string[];

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
