import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { Curriculum } from '../curriculum.entity';
import { Objective } from '../objective.entity';

@ObjectType()
export class CurriculumConnection extends Connection(Curriculum, 'Curriculum') {}

/** A REST page of curricula. */
export class CurriculumPage {
  @ApiProperty({ type: [Curriculum] })
  items: Curriculum[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to load the next page; null on the last page.',
  })
  nextCursor: string | null;
}

/** A curriculum with its objectives in position order, as REST returns it. */
export class CurriculumWithObjectives extends Curriculum {
  @ApiProperty({ type: [Objective] })
  objectives: Objective[];
}

@ObjectType({
  description: 'Something in an imported document that was kept but may need attention.',
})
export class ImportWarning {
  @ApiProperty({ example: 'items[0].prerequisites[1]' })
  @Field({ description: 'Path of the value in the document, e.g. items[0].prerequisites[1].' })
  field: string;

  @ApiProperty({ example: 'UNRESOLVED_PREREQUISITE' })
  @Field()
  reason: string;

  @ApiProperty()
  @Field()
  message: string;
}

@ObjectType()
export class CurriculumImportResult {
  @ApiProperty({ type: CurriculumWithObjectives })
  @Field(() => Curriculum)
  curriculum: Curriculum;

  @ApiProperty()
  @Field(() => Int)
  objectiveCount: number;

  @ApiProperty({ type: [ImportWarning] })
  @Field(() => [ImportWarning])
  warnings: ImportWarning[];
}
