import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldProblem } from '../common/app-error';
import { EngagementEventInput } from './dto/engagement-event.input';
import { validateEventInput } from './engagement-event-validation';

const VALID = {
  type: 'spoke',
  occurredAt: '2026-03-02T15:05:00Z',
  durationMs: 1200,
  clientEventId: 'e-1',
  participantId: '6f1c2f0e-3a1b-4c9d-8e2f-0a1b2c3d4e5f',
  participantKind: 'standard',
};

/** Bad inputs and the one field each should be rejected on. */
const CASES: [string, Record<string, unknown>, string][] = [
  ['unknown type', { type: 'teleported' }, 'type'],
  ['missing type', { type: undefined }, 'type'],
  ['missing occurredAt', { occurredAt: undefined }, 'occurredAt'],
  ['occurredAt as a number', { occurredAt: 5 }, 'occurredAt'],
  ['zero durationMs', { durationMs: 0 }, 'durationMs'],
  ['durationMs over 4 hours', { durationMs: 14_400_001 }, 'durationMs'],
  ['fractional durationMs', { durationMs: 1.5 }, 'durationMs'],
  ['durationMs as text', { durationMs: '5' }, 'durationMs'],
  ['focused as text', { focused: 'yes' }, 'focused'],
  ['on as a number', { on: 1 }, 'on'],
  ['unknown reaction', { reaction: 'fireworks' }, 'reaction'],
  ['text too long', { text: 'x'.repeat(2_001) }, 'text'],
  ['empty text', { text: '' }, 'text'],
  ['clientEventId too long', { clientEventId: 'x'.repeat(101) }, 'clientEventId'],
  ['empty clientEventId', { clientEventId: '' }, 'clientEventId'],
  ['participantId not a uuid', { participantId: 'student-1' }, 'participantId'],
  ['activityId not a uuid', { activityId: 'poll-1' }, 'activityId'],
  ['unknown participantKind', { participantKind: 'robot' }, 'participantKind'],
  ['operation with capitals', { operation: 'Draw' }, 'operation'],
  ['connectionId too long', { connectionId: 'c'.repeat(101) }, 'connectionId'],
  ['unknown field', { colour: 'red' }, 'colour'],
];

function classValidatorFields(raw: Record<string, unknown>): string[] {
  const errors = validateSync(plainToInstance(EngagementEventInput, raw), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });

  return errors.map((error) => error.property).sort();
}

function tableFields(raw: Record<string, unknown>): string[] {
  const problems: FieldProblem[] = [];
  validateEventInput(raw, 'events.0.', problems);

  return problems.map((problem) => problem.field.replace('events.0.', '')).sort();
}

describe('batch event validation', () => {
  it('accepts a valid event like the DTO', () => {
    expect(tableFields(VALID)).toEqual([]);
    expect(classValidatorFields(VALID)).toEqual([]);
  });

  it.each(CASES)('rejects %s like the DTO', (_case, overrides, field) => {
    const raw = JSON.parse(JSON.stringify({ ...VALID, ...overrides }));

    expect(tableFields(raw)).toEqual([field]);
    expect(classValidatorFields(raw)).toEqual([field]);
  });

  it('rejects an item that is not an object', () => {
    const problems: FieldProblem[] = [];

    expect(validateEventInput('spoke', 'events.4.', problems)).toBeUndefined();
    expect(problems).toEqual([{ field: 'events.4', message: 'events.4 must be an object' }]);
  });

  it('treats null as absent', () => {
    expect(tableFields({ ...VALID, focused: null })).toEqual([]);
  });
});
