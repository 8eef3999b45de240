import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import { SESSION_STATUSES, SessionStatus, SessionStatusEnum } from '../session.entity';

/** Filters of a session list. `from` (inclusive) and `to` (exclusive) bound scheduledStart. */
export interface SessionFilter {
  roomId?: string;
  status?: SessionStatus;
  enrollmentId?: string;
  from?: string;
  to?: string;
}

const STATUS_MESSAGE = `status must be one of: ${SESSION_STATUSES.join(', ')}`;

@ArgsType()
export class SessionsArgs extends PageArgs implements SessionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @Field(() => SessionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: STATUS_MESSAGE })
  status?: SessionStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  enrollmentId?: string;

  @Field({ nullable: true, description: 'Sessions scheduled to start at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field({ nullable: true, description: 'Sessions scheduled to start before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class SessionsQueryDto extends PageQueryDto implements SessionFilter {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: STATUS_MESSAGE })
  status?: SessionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enrollmentId?: string;

  @ApiPropertyOptional({
    description: 'Sessions scheduled to start at or after this instant (ISO-8601).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Sessions scheduled to start before this instant (ISO-8601).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
