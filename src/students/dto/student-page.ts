import { ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { Guardian } from '../guardian.entity';
import { Student } from '../student.entity';

const NEXT_CURSOR_DESCRIPTION = 'Pass as `cursor` to load the next page; null on the last page.';

@ObjectType()
export class StudentConnection extends Connection(Student, 'Student') {}

@ObjectType()
export class GuardianConnection extends Connection(Guardian, 'Guardian') {}

/** A REST page of students. */
export class StudentPage {
  @ApiProperty({ type: [Student] })
  items: Student[];

  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR_DESCRIPTION })
  nextCursor: string | null;
}

/** A REST page of guardians. */
export class GuardianPage {
  @ApiProperty({ type: [Guardian] })
  items: Guardian[];

  @ApiProperty({ type: String, nullable: true, description: NEXT_CURSOR_DESCRIPTION })
  nextCursor: string | null;
}
