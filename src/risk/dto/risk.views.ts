import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_LEVELS, RISK_SIGNAL_KINDS, RiskLevel, RiskSignalKind } from '../risk-rules';

export const RiskLevelEnum = Object.fromEntries(RISK_LEVELS.map((l) => [l, l])) as {
  [K in RiskLevel]: K;
};
registerEnumType(RiskLevelEnum, {
  name: 'RiskLevel',
  description: 'How likely a student is to fall behind, from their recent documented sessions.',
});

export const RiskSignalKindEnum = Object.fromEntries(RISK_SIGNAL_KINDS.map((k) => [k, k])) as {
  [K in RiskSignalKind]: K;
};
registerEnumType(RiskSignalKindEnum, { name: 'RiskSignalKind' });

@ObjectType('RiskEvidence')
export class RiskEvidenceView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'The value in this session: participation score (0 to 100), incorrect share or talk share (0 to 1), minutes late (null when the student never joined), or the count of sessions at one status for stalled objectives.',
  })
  @Field(() => Float, {
    nullable: true,
    description:
      'The value in this session: participation score (0 to 100), incorrect share or talk share (0 to 1), minutes late (null when the student never joined), or the count of sessions at one status for stalled objectives.',
  })
  value: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'For stalled_objectives.' })
  @Field(() => String, { nullable: true, description: 'For stalled_objectives.' })
  objectiveCode: string | null;
}

@ObjectType('RiskSignal')
export class RiskSignalView {
  @ApiProperty({ enum: RISK_SIGNAL_KINDS })
  @Field(() => RiskSignalKindEnum)
  kind: RiskSignalKind;

  @ApiProperty({ minimum: 0, maximum: 1 })
  @Field(() => Float, { description: '0 (no sign of risk) to 1 (a strong sign).' })
  score: number;

  @ApiProperty()
  @Field()
  explanation: string;

  @ApiProperty({ type: [RiskEvidenceView] })
  @Field(() => [RiskEvidenceView])
  evidence: RiskEvidenceView[];
}

@ObjectType('RiskLevelChange')
export class RiskLevelChangeView {
  @ApiProperty({ enum: RISK_LEVELS })
  @Field(() => RiskLevelEnum)
  fromLevel: RiskLevel;

  @ApiProperty({ enum: RISK_LEVELS })
  @Field(() => RiskLevelEnum)
  toLevel: RiskLevel;

  @ApiProperty()
  @Field(() => Float)
  score: number;

  @ApiProperty({ format: 'uuid', description: 'The documented session that caused the change.' })
  @Field(() => ID, { description: 'The documented session that caused the change.' })
  sessionId: string;

  @ApiProperty()
  @Field()
  changedAt: Date;
}

@ObjectType('AtRiskStudent')
export class AtRiskStudentView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID, { description: 'The id of the student’s risk assessment.' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty()
  @Field()
  studentName: string;

  @ApiProperty({ enum: RISK_LEVELS })
  @Field(() => RiskLevelEnum)
  level: RiskLevel;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'The maximum signal score.' })
  @Field(() => Float, { description: 'The maximum signal score.' })
  score: number;

  @ApiProperty({ type: [RiskSignalView] })
  @Field(() => [RiskSignalView])
  signals: RiskSignalView[];

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  lastSessionId: string;

  @ApiProperty()
  @Field()
  computedAt: Date;
}

@ObjectType('StudentRisk')
export class StudentRiskView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  studentId: string;

  @ApiProperty({ enum: RISK_LEVELS, description: '`low` until a documented session shows otherwise.' })
  @Field(() => RiskLevelEnum, { description: '`low` until a documented session shows otherwise.' })
  level: RiskLevel;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'The maximum signal score.' })
  @Field(() => Float, { description: 'The maximum signal score.' })
  score: number;

  @ApiProperty({ type: [RiskSignalView], description: 'Empty before the first documented session.' })
  @Field(() => [RiskSignalView], { description: 'Empty before the first documented session.' })
  signals: RiskSignalView[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  lastSessionId: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  computedAt: Date | null;

  @ApiProperty({ type: [RiskLevelChangeView], description: 'The latest 20 level changes, newest first.' })
  @Field(() => [RiskLevelChangeView], { description: 'The latest 20 level changes, newest first.' })
  levelChanges: RiskLevelChangeView[];
}

export class AtRiskStudentPage {
  @ApiProperty({ type: [AtRiskStudentView] })
  items: AtRiskStudentView[];

  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor: string | null;
}
