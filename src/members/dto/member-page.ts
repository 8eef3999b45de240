import { ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { Member } from '../member.entity';

@ObjectType()
export class MemberConnection extends Connection(Member, 'Member') {}

/** A REST page of members. */
export class MemberPage {
  @ApiProperty({ type: [Member] })
  items: Member[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to load the next page; null on the last page.',
  })
  nextCursor: string | null;
}
