import { ApiKey } from '../organizations/api-key.entity';
import { Participant } from '../sessions/participant.entity';
import { serializeResponse } from './serialization';

function serialize(payload: unknown): unknown {
  let output: unknown;
  serializeResponse(
    null as never,
    null as never,
    payload,
    (_error, serialized) => (output = serialized),
  );

  return output;
}

function apiKey(): ApiKey {
  return Object.assign(new ApiKey(), { id: 'key-1', name: 'CI', secretHash: 'abc123' });
}

describe('serializeResponse', () => {
  it('drops excluded entity fields', () => {
    const output = serialize(apiKey()) as Record<string, unknown>;

    expect(output.id).toBe('key-1');
    expect(output.secretHash).toBeUndefined();
  });

  it('drops excluded fields in nested lists', () => {
    const output = serialize({ items: [apiKey()], nextCursor: null }) as {
      items: Record<string, unknown>[];
    };

    expect(output.items[0].name).toBe('CI');
    expect(output.items[0].secretHash).toBeUndefined();
  });

  it('drops excluded fields in top-level arrays', () => {
    const output = serialize([apiKey()]) as Record<string, unknown>[];

    expect(output[0].secretHash).toBeUndefined();
  });

  it('passes bodies without rules unchanged', () => {
    const participant = Object.assign(new Participant(), { id: 'p-1', joinedAt: new Date(0) });
    const body = { participant, media: { available: false } };

    expect(serialize(body)).toBe(body);
  });
});
