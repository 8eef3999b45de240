import { DataSource } from 'typeorm';
import { systemContext } from '../common/request-context';
import { SessionStatus } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptsService } from './transcripts.service';

function serviceFor(status: SessionStatus): {
  service: TranscriptsService;
  transaction: jest.Mock;
} {
  const transaction = jest.fn();
  const sessions = {
    get: jest.fn().mockResolvedValue({ id: 'session-1', status }),
    findParticipants: jest.fn().mockResolvedValue([]),
  } as unknown as SessionsService;
  const service = new TranscriptsService({ transaction } as unknown as DataSource, sessions);

  return { service, transaction };
}

const SEGMENT = { clientSegmentId: 'a', speakerLabel: 'Tutor', startMs: 0, endMs: 10, text: 'Hi' };

describe('TranscriptsService session status', () => {
  it.each<SessionStatus>(['documented', 'cancelled'])(
    'rejects writes to a %s session',
    async (status) => {
      const { service, transaction } = serviceFor(status);

      const write = service.addSegments(systemContext('org-1'), 'session-1', [SEGMENT]);

      await expect(write).rejects.toMatchObject({ code: 'CONFLICT', reason: 'TRANSCRIPT_CLOSED' });
      expect(transaction).not.toHaveBeenCalled();
    },
  );

  it('rejects an upload to a documented session before parsing', async () => {
    const { service, transaction } = serviceFor('documented');

    const write = service.upload(systemContext('org-1'), 'session-1', 'text', 'Tutor: hi');

    await expect(write).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { currentStatus: 'documented' },
    });
    expect(transaction).not.toHaveBeenCalled();
  });
});
