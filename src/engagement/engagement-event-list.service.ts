import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { SessionsService } from '../sessions/sessions.service';
import { EngagementEventFilter } from './dto/engagement-results';
import { EngagementEvent } from './engagement-event.entity';

/** Sort key of event lists and cursors. */
export const eventSortValue = (event: EngagementEvent): string => event.occurredAt.toISOString();

/** Lists a session's engagement events, oldest first, with keyset pagination. */
@Injectable()
export class EngagementEventListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async list(
    ctx: RequestContext,
    sessionId: string,
    filter: EngagementEventFilter,
    page: PageRequest,
  ): Promise<Page<EngagementEvent>> {
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const query = this.dataSource
      .getRepository(EngagementEvent)
      .createQueryBuilder('event')
      .where('event.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('event.sessionId = :sessionId', { sessionId });
    if (filter.type) {
      query.andWhere('event.type = :type', { type: filter.type });
    }
    if (filter.participantId) {
      query.andWhere('event.participantId = :participantId', {
        participantId: filter.participantId,
      });
    }

    return paginate(query, page, {
      sortColumn: 'event.occurredAt',
      idColumn: 'event.id',
      sortValue: eventSortValue,
    });
  }
}
