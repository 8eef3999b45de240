import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CurriculaModule } from '../curricula/curricula.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { RoomsModule } from '../rooms/rooms.module';
import { StudentsModule } from '../students/students.module';
import { EnrollmentRoster } from './enrollment-roster';
import { JoinService } from './join.service';
import { LivekitService } from './livekit.service';
import { Participant } from './participant.entity';
import { PhaseToolGate } from './phase-tool-gate';
import { ParticipantsController } from './participants.controller';
import { ParticipantsResolver } from './participants.resolver';
import { ParticipantsService } from './participants.service';
import { SESSION_ROSTER } from './roster';
import { SessionLoaders } from './session-loaders';
import { SessionPhase } from './session-phase.entity';
import { SessionPhaseTransition } from './session-phase-transition.entity';
import { SessionPhasesController } from './session-phases.controller';
import { SessionPhaseFieldsResolver, SessionPhasesResolver } from './session-phases.resolver';
import { SessionPhasesService } from './session-phases.service';
import { SessionPlanner } from './session-planner';
import { SessionReader } from './session-reader';
import { Session, SessionEnrollment } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { SessionSubscriptionsResolver } from './session-subscriptions.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Session,
      SessionPhase,
      SessionPhaseTransition,
      SessionEnrollment,
      Participant,
    ]),
    RoomsModule,
    EnrollmentsModule,
    StudentsModule,
    MembersModule,
    CurriculaModule,
    JobsModule,
  ],
  providers: [
    SessionsService,
    SessionPhasesService,
    PhaseToolGate,
    ParticipantsService,
    JoinService,
    LivekitService,
    SessionPlanner,
    SessionLoaders,
    SessionReader,
    SessionsResolver,
    SessionPhasesResolver,
    SessionPhaseFieldsResolver,
    SessionSubscriptionsResolver,
    ParticipantsResolver,
    { provide: SESSION_ROSTER, useClass: EnrollmentRoster },
  ],
  controllers: [SessionsController, SessionPhasesController, ParticipantsController],
  exports: [SessionsService, ParticipantsService, PhaseToolGate, LivekitService],
})
export class SessionsModule {}
