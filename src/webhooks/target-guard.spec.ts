import { describeTargetProblem, isBlockedAddress, isLinkLocalAddress } from './target-guard';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );
});

describe('isLinkLocalAddress', () => {
  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254'])(
    'matches %s',
    (address) => {
      expect(isLinkLocalAddress(address)).toBe(true);
    },
  );

  it.each(['127.0.0.1', '10.0.0.8', 'fd12:3456::1', '8.8.8.8'])('passes %s', (address) => {
    expect(isLinkLocalAddress(address)).toBe(false);
  });
});

describe('describeTargetProblem', () => {
  it('allows a public https URL', () => {
    expect(describeTargetProblem('https://partner.example/hooks', false)).toBeUndefined();
  });

  it('allows loopback when configured', () => {
    expect(describeTargetProblem('http://127.0.0.1:8080/hooks', true)).toBeUndefined();
  });

  it('refuses metadata addresses when private targets are allowed', () => {
    expect(describeTargetProblem('http://169.254.169.254/latest', true)).toMatch(
      /link-local.*WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    expect(describeTargetProblem('http://[fd00:ec2::254]/latest', true)).toMatch(/link-local/);
  });

  it('names the setting that allows private targets', () => {
    expect(describeTargetProblem('http://192.168.0.2/hooks', false)).toMatch(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
  });
});
