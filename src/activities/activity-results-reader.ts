import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Activity } from './activity.entity';
import { ResponseRow, summarizeResponses } from './activity-summary';
import { ActivityResults } from './dto/activity-results';

/** Reads the responses of an activity and summarizes them. */
@Injectable()
export class ActivityResultsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the results of an activity of the organization, or undefined when it does not exist. */
  async read(
    organizationId: string,
    activityId: string,
    options: { revealKey: boolean; includeTexts: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ActivityResults | undefined> {
    const activity = await manager.findOneBy(Activity, { id: activityId, organizationId });
    if (!activity) {
      return undefined;
    }

    return this.summarize(activity, options, manager);
  }

  async summarize(
    activity: Activity,
    options: { revealKey: boolean; includeTexts: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ActivityResults> {
    // One query after the other, because a transaction's manager runs one query at a time.
    const rows: ResponseRow[] = await manager.query(
      `SELECT answer, correct FROM activity_responses WHERE organization_id = $1 AND activity_id = $2`,
      [activity.organizationId, activity.id],
    );
    const eligibleRows: { eligible: number }[] = await manager.query(
      `SELECT count(*)::int AS eligible FROM participants
        WHERE organization_id = $1 AND session_id = $2 AND role = 'student' AND removed_at IS NULL`,
      [activity.organizationId, activity.sessionId],
    );

    return summarizeResponses(activity, rows, eligibleRows[0]?.eligible ?? 0, options);
  }
}
