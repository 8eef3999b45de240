import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Connection, PageArgs } from '../../common/pagination';
import { RecapVersion } from '../recap-version.entity';
import { Recap } from '../recap.entity';

export const RecapConnection = Connection(Recap, 'Recap');

@ArgsType()
export class SessionRecapsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;
}

export class RecapPage {
  @ApiProperty({ type: [Recap] })
  items: Recap[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}

export class RecapVersionPage {
  @ApiProperty({ type: [RecapVersion] })
  items: RecapVersion[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}
