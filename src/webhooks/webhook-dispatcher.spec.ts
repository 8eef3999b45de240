import { patternMatches, describePatternProblem } from './event-types';
import { retryDelayMs, webhookBody } from './webhook-dispatcher';

describe('retryDelayMs', () => {
  it('doubles per attempt within half and all of the step', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(4, 1000, () => 1)).toBe(8000);
  });

  it('caps the delay at six hours', () => {
    expect(retryDelayMs(40, 30_000, () => 1)).toBe(6 * 3600 * 1000);
  });
});

describe('event type patterns', () => {
  it('matches areas and wildcards', () => {
    expect(patternMatches('session.*', 'session.ended')).toBe(true);
    expect(patternMatches('session.*', 'recap.approved')).toBe(false);
    expect(patternMatches('*', 'risk.level_changed')).toBe(true);
    expect(patternMatches('session.ended', 'session.ended')).toBe(true);
  });

  it('explains unknown and malformed patterns', () => {
    expect(describePatternProblem('lesson.*')).toMatch(/matches no event type/);
    expect(describePatternProblem('Session.Ended')).toMatch(/not an event type or pattern/);
    expect(describePatternProblem('parent_update.*')).toBeUndefined();
    expect(describePatternProblem('parent_update.sent')).toMatch(
      /the parent_update types are parent_update\.drafted, .*parent_update\.failed, or use parent_update\.\*/,
    );
  });
});

describe('webhookBody', () => {
  it('wraps the data with id, type and timestamp', () => {
    const body = JSON.parse(webhookBody('evt', 'session.ended', new Date(0), { sessionId: 's' }));

    expect(body).toEqual({
      id: 'evt',
      type: 'session.ended',
      timestamp: '1970-01-01T00:00:00.000Z',
      data: { sessionId: 's' },
    });
  });
});
