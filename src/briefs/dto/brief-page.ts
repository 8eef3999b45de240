import { ApiProperty } from '@nestjs/swagger';
import { SessionBriefVersion } from '../session-brief.entity';

export class SessionBriefVersionPage {
  @ApiProperty({ type: [SessionBriefVersion] })
  items: SessionBriefVersion[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last page.',
  })
  nextCursor: string | null;
}
