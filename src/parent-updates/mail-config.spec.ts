import { ConfigError, loadConfig } from '../config/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }

  return [];
}

describe('mail configuration', () => {
  it('leaves mail unset without SMTP_URL', () => {
    expect(loadConfig({}).mail).toBeUndefined();
  });

  it('accepts an SMTP URL with a sender', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'School <updates@school.example>',
    });

    expect(config.mail).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'School <updates@school.example>',
    });
  });

  it.each([
    [{ SMTP_URL: 'http://127.0.0.1:2525', MAIL_FROM: 'a@b.example' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url', MAIL_FROM: 'a@b.example' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
  ])('rejects %p naming %s', (env, variable) => {
    const problems = problemsOf(env);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
  });

  it('never echoes an SMTP password', () => {
    const problems = problemsOf({
      SMTP_URL: 'http://user:hunter2@127.0.0.1',
      MAIL_FROM: 'a@b.example',
    });

    expect(problems.join(' ')).not.toContain('hunter2');
  });
});
