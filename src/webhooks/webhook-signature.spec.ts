import { randomBytes } from 'node:crypto';
import { verifyWebhook } from '../../sdk/src';
import { SecretBox, signatureHeaders, signMessage } from './webhook-signature';

describe('signMessage', () => {
  it('matches the Standard Webhooks test vector', () => {
    const signature = signMessage(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );

    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('lists one signature per secret', () => {
    const headers = signatureHeaders(['whsec_AAAA', 'whsec_BBBB'], 'evt', 10, '{}');

    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(headers['webhook-id']).toBe('evt');
    expect(headers['webhook-timestamp']).toBe('10');
  });
});

describe('verifyWebhook', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body =
    '{"id":"evt_1","type":"session.ended","timestamp":"2026-12-04T10:00:00.000Z","data":{}}';
  const now = 1_800_000_000_000;
  const signed = (timestamp: number) => signatureHeaders([secret], 'evt_1', timestamp, body);

  it('accepts a fresh signature', () => {
    expect(verifyWebhook(body, signed(now / 1000), secret, { now }).type).toBe('session.ended');
  });

  it('refuses a timestamp too far in the past', () => {
    expect(() => verifyWebhook(body, signed(now / 1000 - 301), secret, { now })).toThrow(/old/);
  });

  it('refuses a timestamp too far in the future', () => {
    expect(() => verifyWebhook(body, signed(now / 1000 + 301), secret, { now })).toThrow(/future/);
  });

  it('refuses missing headers', () => {
    expect(() => verifyWebhook(body, {}, secret, { now })).toThrow(
      /webhook-id, webhook-timestamp, webhook-signature headers are missing/,
    );
  });

  it('names the one missing header', () => {
    const headers = signed(now / 1000);
    delete headers['webhook-signature'];

    expect(() => verifyWebhook(body, headers, secret, { now })).toThrow(
      /The webhook-signature header is missing/,
    );
  });

  it('refuses a secret without its prefix', () => {
    expect(() => verifyWebhook(body, signed(now / 1000), 'MfKQ9r8', { now })).toThrow(/whsec_/);
  });

  it('reads headers from a Headers object', () => {
    const headers = new Headers(signed(now / 1000));

    expect(verifyWebhook(body, headers, secret, { now }).id).toBe('evt_1');
  });
});

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed', () => {
    expect(box.open(box.seal('whsec_abc'))).toBe('whsec_abc');
  });

  it('refuses a tampered secret', () => {
    const [iv, tag, ciphertext] = box.seal('whsec_abc').split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] ^= 1;

    expect(() => box.open([iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/expected 32/);
  });
});
