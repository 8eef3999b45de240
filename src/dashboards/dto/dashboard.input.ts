import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { RISK_LEVELS, RiskLevel } from '../../risk/risk-rules';
import {
  DEFAULT_DASHBOARD_ROWS,
  DEFAULT_PERIOD_DAYS,
  MAX_DASHBOARD_ROWS,
  MAX_PERIOD_DAYS,
  SERIES_INTERVALS,
  SeriesInterval,
} from '../dashboard-limits';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) =>
  `${field} must be a calendar date in YYYY-MM-DD form, such as 2026-03-01`;
const LIMIT_MESSAGE = `limit must be an integer from 1 to ${MAX_DASHBOARD_ROWS}`;
const FROM_DESCRIPTION = `First day of the period (UTC date, inclusive). Default: ${DEFAULT_PERIOD_DAYS - 1} days before \`to\`. The period may span at most ${MAX_PERIOD_DAYS} days.`;
const TO_DESCRIPTION =
  'Last day of the period (UTC date, inclusive). Default: today, or `from` plus 29 days when only `from` is given.';

/** Filters shared by every dashboard; sessions belong to the UTC day of their scheduled start. */
@InputType()
export class DashboardFilter {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-01', description: FROM_DESCRIPTION })
  @Field({ nullable: true, description: FROM_DESCRIPTION })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('from') })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-31', description: TO_DESCRIPTION })
  @Field({ nullable: true, description: TO_DESCRIPTION })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('to') })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only sessions of enrollments taught by this instructor (a member id).',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'Only sessions of enrollments taught by this instructor (a member id).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'instructorId must be a UUID, such as the id of a member' })
  instructorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only sessions of this curriculum.' })
  @Field(() => ID, { nullable: true, description: 'Only sessions of this curriculum.' })
  @IsOptional()
  @IsUUID('all', { message: 'curriculumId must be a UUID, such as the id of a curriculum' })
  curriculumId?: string;
}

const ROWS_DESCRIPTION = `Rows to return, 1 to ${MAX_DASHBOARD_ROWS}; default ${DEFAULT_DASHBOARD_ROWS}.`;

@InputType()
export class AtRiskDashboardFilter extends DashboardFilter {
  @ApiPropertyOptional({
    enum: RISK_LEVELS,
    description: 'Only students at this level. Without it, medium and high.',
  })
  @Field(() => String, {
    nullable: true,
    description: `One of: ${RISK_LEVELS.join(', ')}. Without it, medium and high.`,
  })
  @IsOptional()
  @IsIn(RISK_LEVELS, {
    message: `level must be one of: ${RISK_LEVELS.join(', ')}; leave it out to list medium and high`,
  })
  level?: RiskLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DASHBOARD_ROWS, default: DEFAULT_DASHBOARD_ROWS })
  @Field(() => Int, { nullable: true, description: ROWS_DESCRIPTION })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(MAX_DASHBOARD_ROWS, { message: LIMIT_MESSAGE })
  limit?: number;
}

@InputType()
export class CurriculumGapsDashboardFilter extends DashboardFilter {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DASHBOARD_ROWS, default: DEFAULT_DASHBOARD_ROWS })
  @Field(() => Int, { nullable: true, description: ROWS_DESCRIPTION })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(MAX_DASHBOARD_ROWS, { message: LIMIT_MESSAGE })
  limit?: number;
}

@InputType()
export class SessionVolumeDashboardFilter extends DashboardFilter {
  @ApiPropertyOptional({
    enum: SERIES_INTERVALS,
    default: 'day',
    description: 'Bucket of the series: `day`, or `week` (ISO weeks starting on Monday).',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Bucket of the series: `day` (default), or `week` (ISO weeks starting on Monday).',
  })
  @IsOptional()
  @IsIn(SERIES_INTERVALS, { message: `interval must be one of: ${SERIES_INTERVALS.join(', ')}` })
  interval?: SeriesInterval;
}
