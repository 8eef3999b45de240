import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import { MAX_PHASES, SessionPhase } from '../session-phase.entity';
import { SESSION_STATUSES, SessionStatus } from '../session.entity';

/** The new order of a session's planned phases, as the REST body of a reorder. */
export class ReorderPhasesInput {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_PHASES,
    description: 'The ids of every planned phase of the session, each once, in the new order.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PHASES)
  @IsString({ each: true })
  phaseIds: string[];
}

/** A phase with its planned and actual duration. */
export class SessionPhaseTiming extends SessionPhase {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Minutes from start to end, or to now while the phase is active, to two decimals; null until it starts.',
  })
  actualMinutes: number | null;
}

/** A session's lesson plan with planned and actual timings, as REST returns it. */
export class SessionPhaseTimings {
  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  sessionStatus: SessionStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The active phase.' })
  currentPhaseId: string | null;

  @ApiProperty({ description: 'Sum of the planned minutes of all phases.' })
  plannedMinutes: number;

  @ApiProperty({ description: 'Sum of the actual minutes of the phases that have started.' })
  actualMinutes: number;

  @ApiProperty({ type: [SessionPhaseTiming], description: 'The lesson plan, in order.' })
  phases: SessionPhaseTiming[];
}
