import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { queryLimitsRule } from './common/graphql-limits';
import { formatGraphQLError, rememberEnumValues } from './common/graphql-errors';
import { resolvePreloadedFields } from './common/graphql-preloaded';
import { AppExceptionFilter } from './common/exception.filter';
import { LifecycleLogger } from './common/lifecycle-logger';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { RecapsModule } from './recaps/recaps.module';
import { CurriculaModule } from './curricula/curricula.module';
import { EngagementModule } from './engagement/engagement.module';
import { LivekitWebhooksModule } from './livekit-webhooks/livekit-webhooks.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { MembersModule } from './members/members.module';
import { StudentsModule } from './students/students.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RoomsModule } from './rooms/rooms.module';
import { SessionsModule } from './sessions/sessions.module';
import { TranscriptsModule } from './transcripts/transcripts.module';
import { ActivitiesModule } from './activities/activities.module';
import { AlertsModule } from './alerts/alerts.module';
import { BreakoutsModule } from './breakouts/breakouts.module';
import { WhiteboardModule } from './whiteboard/whiteboard.module';
import { ProgressModule } from './progress/progress.module';
import { ParentUpdatesModule } from './parent-updates/parent-updates.module';
import { RemindersModule } from './reminders/reminders.module';
import { RiskModule } from './risk/risk.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { BriefsModule } from './briefs/briefs.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { ChatModule } from './chat/chat.module';
import { WidgetModule } from './widget/widget.module';

export interface AppModuleOptions {
  /** Writes the GraphQL schema to this file at boot, sorted; used by `npm run generate`. */
  schemaFile?: string;
}

/** The HiLink API: one NestJS module per domain, served over GraphQL and REST. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(config),
          migrationsRun: false,
          // A PostgreSQL server may still be starting; an embedded database folder that fails
          // to open (locked, unreadable) will not recover by waiting.
          retryAttempts: config.databaseUrl ? 3 : 0,
          retryDelay: 1000,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: options.schemaFile ?? true,
          sortSchema: true,
          graphiql: true,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          validationRules: [queryLimitsRule],
          transformSchema: (schema) => resolvePreloadedFields(rememberEnumValues(schema)),
          // HiLink sets no cache hints, so the default cache-control plugin would only add a
          // hook call to every resolved field.
          plugins: [ApolloServerPluginCacheControlDisabled()],
        }),
        AuthModule,
        RealtimeModule,
        HealthModule,
        OrganizationsModule,
        MembersModule,
        StudentsModule,
        CurriculaModule,
        EnrollmentsModule,
        RoomsModule,
        SessionsModule,
        TranscriptsModule,
        JobsModule,
        RecapsModule,
        EngagementModule,
        LivekitWebhooksModule,
        ActivitiesModule,
        AlertsModule,
        BreakoutsModule,
        WhiteboardModule,
        ProgressModule,
        ParentUpdatesModule,
        RemindersModule,
        RiskModule,
        WebhooksModule,
        BriefsModule,
        DashboardsModule,
        ChatModule,
        WidgetModule,
      ],
      providers: [LifecycleLogger, { provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
