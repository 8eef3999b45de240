import { DataSource } from 'typeorm';
import { systemContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { SessionStatus } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptsService } from './transcripts.service';

function serviceFor(status: SessionStatus): {
  service: TranscriptsService;
  transaction: jest.Mock;
  publish: jest.Mock;
} {
  const transaction = jest.fn();
  const publish = jest.fn().mockResolvedValue(undefined);
  const sessions = {
    get: jest.fn().mockResolvedValue({ id: 'session-1', status }),
    findParticipants: jest.fn().mockResolvedValue([]),
  } as unknown as SessionsService;
  const realtime = { publish, mayHaveSubscribers: () => true } as unknown as RealtimeEvents;
  const service = new TranscriptsService({ transaction } as unknown as DataSource, sessions, realtime);

  return { service, transaction, publish };
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

describe('TranscriptsService subscription events', () => {
  it.each([
    ['addSegment', (service: TranscriptsService) => service.addSegment(systemContext('org-1'), 'session-1', SEGMENT)],
    ['addSegments', (service: TranscriptsService) => service.addSegments(systemContext('org-1'), 'session-1', [SEGMENT])],
    ['upload', (service: TranscriptsService) => service.upload(systemContext('org-1'), 'session-1', 'text', 'Tutor: hi')],
  ])('%s publishes nothing when the transaction rolls back', async (_name, write) => {
    const { service, transaction, publish } = serviceFor('live');
    transaction.mockRejectedValue(new Error('serialization failure'));

    await expect(write(service)).rejects.toThrow('serialization failure');
    expect(publish).not.toHaveBeenCalled();
  });
});
