import { Injectable } from '@nestjs/common';
import { RecapInput, RecapObjective, RecapTranscriptSegment } from '../ai/ai-provider';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptSegment } from '../transcripts/transcript-segment.entity';
import { TranscriptsService } from '../transcripts/transcripts.service';

/** A provider input with the transcript version it was read from. */
export interface PreparedRecapInput {
  input: RecapInput;
  transcriptVersion: number;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function toRecapSegment(segment: TranscriptSegment, index: number): RecapTranscriptSegment {
  return {
    index,
    speakerRole: segment.speakerRole,
    speakerName: segment.speakerLabel,
    participantId: segment.participantId ?? undefined,
    startMs: segment.startMs,
    endMs: segment.endMs,
    text: segment.text,
  };
}

/** Gathers what a recap of a session is drafted from, through the owning modules' services. */
@Injectable()
export class RecapInputBuilder {
  constructor(
    private readonly sessions: SessionsService,
    private readonly transcripts: TranscriptsService,
    private readonly enrollments: EnrollmentsService,
    private readonly curricula: CurriculaService,
  ) {}

  /**
   * Reads the final transcript, the objectives of the session's enrollments' curricula, the
   * lesson plan's objective codes and the students' display names.
   */
  async build(ctx: RequestContext, sessionId: string): Promise<PreparedRecapInput> {
    const { phases, participants, enrollmentIds } = await this.sessions.getWithRelations(
      ctx,
      sessionId,
    );
    const transcript = await this.transcripts.getFinalSegments(ctx, sessionId);
    const objectives = await this.loadObjectives(ctx, enrollmentIds);
    const students = participants.filter((participant) => participant.role === 'student');

    return {
      transcriptVersion: transcript.transcriptVersion,
      input: {
        sessionId,
        transcript: transcript.segments.map(toRecapSegment),
        objectives,
        plannedObjectiveCodes: unique(phases.flatMap((phase) => phase.objectiveCodes)),
        studentNames: unique(students.map((student) => student.displayName)),
      },
    };
  }

  private async loadObjectives(
    ctx: RequestContext,
    enrollmentIds: string[],
  ): Promise<RecapObjective[]> {
    const enrollments = await this.enrollments.findByIds(ctx, enrollmentIds);
    const byCode = new Map<string, RecapObjective>();
    for (const curriculumId of unique(enrollments.map((enrollment) => enrollment.curriculumId))) {
      for (const objective of await this.curricula.getObjectives(ctx, curriculumId)) {
        if (!byCode.has(objective.code)) {
          byCode.set(objective.code, {
            code: objective.code,
            title: objective.title,
            description: objective.description ?? '',
          });
        }
      }
    }

    return [...byCode.values()];
  }
}
