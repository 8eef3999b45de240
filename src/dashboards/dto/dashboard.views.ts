import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CoverageGap } from '../../progress/dto/coverage.views';
import { RiskLevelEnum, RiskSignalKindEnum } from '../../risk/dto/risk.views';
import { RISK_LEVELS, RISK_SIGNAL_KINDS, RiskLevel, RiskSignalKind } from '../../risk/risk-rules';
import { SERIES_INTERVALS, SeriesInterval } from '../dashboard-limits';

@ObjectType({ description: 'The days a dashboard covers, both inclusive, as UTC dates.' })
export class DashboardPeriod {
  @ApiProperty({ format: 'date' })
  @Field()
  from: string;

  @ApiProperty({ format: 'date' })
  @Field()
  to: string;

  @ApiProperty()
  @Field(() => Int)
  days: number;
}

@ObjectType({ description: 'One signal behind a student’s risk level.' })
export class RiskFactor {
  @ApiProperty({ enum: RISK_SIGNAL_KINDS })
  @Field(() => RiskSignalKindEnum)
  kind: RiskSignalKind;

  @ApiProperty({ description: 'Signal score, 0 to 1.' })
  @Field(() => Float, { description: 'Signal score, 0 to 1.' })
  score: number;

  @ApiProperty()
  @Field()
  explanation: string;
}

@ObjectType({ description: 'A student at risk, with the sessions they had in the period.' })
export class AtRiskDashboardStudent {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty()
  @Field()
  studentName: string;

  @ApiProperty({ enum: RISK_LEVELS })
  @Field(() => RiskLevelEnum)
  level: RiskLevel;

  @ApiProperty({ description: 'The maximum signal score, 0 to 1.' })
  @Field(() => Float, { description: 'The maximum signal score, 0 to 1.' })
  score: number;

  @ApiProperty({ type: [RiskFactor], description: 'Signals with a score above 0, highest first.' })
  @Field(() => [RiskFactor], { description: 'Signals with a score above 0, highest first.' })
  factors: RiskFactor[];

  @ApiProperty()
  @Field()
  computedAt: Date;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  lastSessionId: string;

  @ApiProperty({ description: 'Held (ended or documented) sessions of the student in the period.' })
  @Field(() => Int, {
    description: 'Held (ended or documented) sessions of the student in the period.',
  })
  sessionsInPeriod: number;

  @ApiProperty()
  @Field(() => Int)
  attendedInPeriod: number;

  @ApiProperty()
  @Field(() => Int)
  lateJoinsInPeriod: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Mean over attended sessions, 0 to 100.',
  })
  @Field(() => Float, { nullable: true, description: 'Mean over attended sessions, 0 to 100.' })
  meanParticipationScore: number | null;

  @ApiProperty()
  @Field(() => Int)
  checksAnswered: number;

  @ApiProperty()
  @Field(() => Int)
  checksCorrect: number;
}

@ObjectType()
export class AtRiskStudentsDashboard {
  @ApiProperty({ type: DashboardPeriod })
  @Field(() => DashboardPeriod)
  period: DashboardPeriod;

  @ApiProperty({
    description: 'Students with a held session in the period that match the filters.',
  })
  @Field(() => Int, {
    description: 'Students with a held session in the period that match the filters.',
  })
  studentsInPeriod: number;

  @ApiProperty({ description: 'Of those, students at the requested levels.' })
  @Field(() => Int, { description: 'Of those, students at the requested levels.' })
  atRiskStudents: number;

  @ApiProperty({ type: [AtRiskDashboardStudent], description: 'Highest score first.' })
  @Field(() => [AtRiskDashboardStudent], { description: 'Highest score first.' })
  students: AtRiskDashboardStudent[];
}

@ObjectType({
  description:
    'Mean and spread of one per-session metric; the values are null when no session has it.',
})
export class MetricSpread {
  @ApiProperty({ description: 'Sessions that have a value.' })
  @Field(() => Int, { description: 'Sessions that have a value.' })
  sessions: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, { nullable: true })
  mean: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Population standard deviation.',
  })
  @Field(() => Float, { nullable: true, description: 'Population standard deviation.' })
  stdDev: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, { nullable: true })
  min: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, { nullable: true })
  max: number | null;
}

@ObjectType({ description: 'How consistent one instructor’s sessions are.' })
export class InstructorConsistency {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  instructorId: string;

  @ApiProperty()
  @Field()
  instructorName: string;

  @ApiProperty({ description: 'Held (ended or documented) sessions in the period.' })
  @Field(() => Int, { description: 'Held (ended or documented) sessions in the period.' })
  sessions: number;

  @ApiProperty()
  @Field(() => Int)
  documentedSessions: number;

  @ApiProperty({
    type: MetricSpread,
    description: 'Seconds from the recap draft to its first approval, per documented session.',
  })
  @Field(() => MetricSpread, {
    description: 'Seconds from the recap draft to its first approval, per documented session.',
  })
  recapApprovalDelaySeconds: MetricSpread;

  @ApiProperty({
    type: MetricSpread,
    description: 'Mean participation score (0 to 100) of attending students, per held session.',
  })
  @Field(() => MetricSpread, {
    description: 'Mean participation score (0 to 100) of attending students, per held session.',
  })
  participationScore: MetricSpread;

  @ApiProperty({
    type: MetricSpread,
    description: 'Share of planned objectives covered, 0 to 1, per documented session.',
  })
  @Field(() => MetricSpread, {
    description: 'Share of planned objectives covered, 0 to 1, per documented session.',
  })
  coverageShare: MetricSpread;

  @ApiProperty({
    type: MetricSpread,
    description: 'Share of graded check answers that were correct, 0 to 1, per held session.',
  })
  @Field(() => MetricSpread, {
    description: 'Share of graded check answers that were correct, 0 to 1, per held session.',
  })
  correctShare: MetricSpread;
}

@ObjectType()
export class InstructorConsistencyDashboard {
  @ApiProperty({ type: DashboardPeriod })
  @Field(() => DashboardPeriod)
  period: DashboardPeriod;

  @ApiProperty({ type: [InstructorConsistency], description: 'By instructor name.' })
  @Field(() => [InstructorConsistency], { description: 'By instructor name.' })
  instructors: InstructorConsistency[];
}

@ObjectType()
export class CurriculumGapsDashboard {
  @ApiProperty({ type: DashboardPeriod })
  @Field(() => DashboardPeriod)
  period: DashboardPeriod;

  @ApiProperty({ type: [CoverageGap], description: 'Most skipped or not landing first.' })
  @Field(() => [CoverageGap], { description: 'Most skipped or not landing first.' })
  objectives: CoverageGap[];
}

@ObjectType({
  description: 'Session volume, attendance and documentation of one bucket or period.',
})
export class SessionVolumePoint {
  @ApiProperty({ format: 'date', description: 'First day of the bucket.' })
  @Field({ description: 'First day of the bucket.' })
  start: string;

  @ApiProperty()
  @Field(() => Int)
  sessions: number;

  @ApiProperty({ description: 'Scheduled or live.' })
  @Field(() => Int, { description: 'Scheduled or live.' })
  openSessions: number;

  @ApiProperty({ description: 'Ended and not documented yet.' })
  @Field(() => Int, { description: 'Ended and not documented yet.' })
  endedSessions: number;

  @ApiProperty()
  @Field(() => Int)
  documentedSessions: number;

  @ApiProperty()
  @Field(() => Int)
  cancelledSessions: number;

  @ApiProperty({ description: 'Ended or documented.' })
  @Field(() => Int, { description: 'Ended or documented.' })
  heldSessions: number;

  @ApiProperty({ description: 'Documented sessions with an approved recap.' })
  @Field(() => Int, { description: 'Documented sessions with an approved recap.' })
  documentedWithRecap: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'documentedWithRecap / heldSessions; null without held sessions.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'documentedWithRecap / heldSessions; null without held sessions.',
  })
  documentationRate: number | null;

  @ApiProperty({ description: 'Students expected in held sessions.' })
  @Field(() => Int, { description: 'Students expected in held sessions.' })
  expectedStudents: number;

  @ApiProperty({ description: 'Expected students who joined held sessions.' })
  @Field(() => Int, { description: 'Expected students who joined held sessions.' })
  attendedStudents: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'attendedStudents / expectedStudents; null without expected students.',
  })
  @Field(() => Float, {
    nullable: true,
    description: 'attendedStudents / expectedStudents; null without expected students.',
  })
  attendanceRate: number | null;
}

@ObjectType()
export class SessionVolumeDashboard {
  @ApiProperty({ type: DashboardPeriod })
  @Field(() => DashboardPeriod)
  period: DashboardPeriod;

  @ApiProperty({ enum: SERIES_INTERVALS })
  @Field(() => String, { description: 'Bucket of the series: `day` or `week`.' })
  interval: SeriesInterval;

  @ApiProperty({
    type: SessionVolumePoint,
    description: 'The whole period; start is its first day.',
  })
  @Field(() => SessionVolumePoint, { description: 'The whole period; start is its first day.' })
  totals: SessionVolumePoint;

  @ApiProperty({
    type: [SessionVolumePoint],
    description: 'One point per day or week of the period, oldest first, including empty ones.',
  })
  @Field(() => [SessionVolumePoint], {
    description: 'One point per day or week of the period, oldest first, including empty ones.',
  })
  series: SessionVolumePoint[];
}

@ObjectType({ description: 'Rows written by a rebuild of the dashboard rollups.' })
export class DashboardRollupRebuild {
  @ApiProperty({ description: 'Sessions whose facts were recomputed.' })
  @Field(() => Int, { description: 'Sessions whose facts were recomputed.' })
  sessions: number;

  @ApiProperty({ description: 'Per-session student rows written.' })
  @Field(() => Int, { description: 'Per-session student rows written.' })
  studentSessions: number;

  @ApiProperty()
  @Field(() => Int)
  durationMs: number;
}
