import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { ParentUpdateVersion } from '../parent-update-version.entity';
import { ParentUpdate } from '../parent-update.entity';

export const ParentUpdateConnection = Connection(ParentUpdate, 'ParentUpdate');

export class ParentUpdatePage {
  @ApiProperty({ type: [ParentUpdate] })
  items: ParentUpdate[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}

export class ParentUpdateVersionPage {
  @ApiProperty({ type: [ParentUpdateVersion] })
  items: ParentUpdateVersion[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}
