import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import {
  PARENT_UPDATE_LIMITS,
  PARENT_UPDATE_STATUSES,
  ParentUpdateStatus,
} from '../parent-update-limits';
import { ParentUpdateStatusEnum } from '../parent-update.entity';

@InputType()
export class EditParentUpdateInput {
  @ApiProperty({ minLength: 1, maxLength: PARENT_UPDATE_LIMITS.subjectLength })
  @Field()
  @IsString()
  @Length(1, PARENT_UPDATE_LIMITS.subjectLength)
  @Matches(/\S/, { message: 'subject must not be blank: write the email subject' })
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line: remove the line breaks' })
  subject: string;

  @ApiProperty({ minLength: 1, maxLength: PARENT_UPDATE_LIMITS.bodyLength })
  @Field()
  @IsString()
  @Length(1, PARENT_UPDATE_LIMITS.bodyLength)
  @Matches(/\S/, { message: 'body must not be blank: write the message to the guardian' })
  body: string;

  @ApiPropertyOptional({
    maxLength: PARENT_UPDATE_LIMITS.noteLength,
    description: 'Why it was changed.',
  })
  @Field({ nullable: true, description: 'Why it was changed.' })
  @IsOptional()
  @IsString()
  @MaxLength(PARENT_UPDATE_LIMITS.noteLength)
  note?: string;
}

@InputType()
export class RejectParentUpdateInput {
  @ApiProperty({ minLength: 1, maxLength: PARENT_UPDATE_LIMITS.reasonLength })
  @Field()
  @IsString()
  @Length(1, PARENT_UPDATE_LIMITS.reasonLength)
  @Matches(/\S/, { message: 'reason must not be blank: say why the update is rejected' })
  reason: string;
}

/** Filters of a parent update list; REST query parameters. */
export class ParentUpdateListQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @ApiPropertyOptional({ enum: PARENT_UPDATE_STATUSES })
  @IsOptional()
  @IsIn(PARENT_UPDATE_STATUSES, {
    message: `status must be one of: ${PARENT_UPDATE_STATUSES.join(', ')}`,
  })
  status?: ParentUpdateStatus;
}

@ArgsType()
export class ParentUpdatesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @Field(() => ParentUpdateStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARENT_UPDATE_STATUSES, {
    message: `status must be one of: ${PARENT_UPDATE_STATUSES.join(', ')}`,
  })
  status?: ParentUpdateStatus;
}
