import { ArgsType, Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import { RISK_LEVELS, RiskLevel } from '../risk-rules';

const LEVEL_MESSAGE = `level must be one of: ${RISK_LEVELS.join(', ')}; leave it out to list medium and high`;
const LEVEL_DESCRIPTION = `One of: ${RISK_LEVELS.join(', ')}. Without it, the list contains medium and high.`;

// The level is a String, not the RiskLevel enum, so a wrong value gets a BAD_USER_INPUT that names the field.
@ArgsType()
export class AtRiskStudentsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: LEVEL_DESCRIPTION })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: LEVEL_MESSAGE })
  level?: RiskLevel;
}

export class AtRiskStudentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: RISK_LEVELS, description: LEVEL_DESCRIPTION })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: LEVEL_MESSAGE })
  level?: RiskLevel;
}
