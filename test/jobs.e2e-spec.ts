import { DataSource } from 'typeorm';
import { Job } from '../src/jobs/job.entity';
import { JobsService } from '../src/jobs/jobs.service';
import { bearer, startTestApp, TestApp } from './support/test-app';

const JOB_QUERY = `query Job($id: ID!) { job(id: $id) { id kind status attempts maxAttempts lastError runAt finishedAt } }`;

describe('jobs API', () => {
  let t: TestApp;
  let job: Job;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    const dataSource = t.app.get(DataSource);
    job = await dataSource.transaction((manager) =>
      t.app.get(JobsService).enqueue(manager, {
        organizationId: t.organizationId,
        kind: 'test.inspect',
        payload: { secret: 'not shown' },
        maxAttempts: 3,
      }),
    );
    await dataSource.query(
      `UPDATE jobs SET attempts = 1, last_error = 'provider timed out' WHERE id = $1`,
      [job.id],
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('returns job status over REST', async () => {
    const response = await t.http.get(`/v1/jobs/${job.id}`).set(...bearer(t.adminKey));

    expect(response.status).toBe(200);
    expect(response.body.id).toBe(job.id);
    expect(response.body.kind).toBe('test.inspect');
    expect(response.body.status).toBe('queued');
    expect(response.body.attempts).toBe(1);
    expect(response.body.maxAttempts).toBe(3);
    expect(response.body.lastError).toBe('provider timed out');
    expect(response.body.payload).toBeUndefined();
    expect(response.body.lockedBy).toBeUndefined();
  });

  it('returns job status over GraphQL', async () => {
    const result = await t.gql(JOB_QUERY, { id: job.id });

    expect(result.errors).toBeUndefined();
    expect(result.data?.job.status).toBe('queued');
    expect(result.data?.job.attempts).toBe(1);
    expect(result.data?.job.lastError).toBe('provider timed out');
  });

  it('allows a read-scoped key', async () => {
    const created = await t.http
      .post('/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Reader', scopes: ['read'] });

    const response = await t.http.get(`/v1/jobs/${job.id}`).set(...bearer(created.body.secret));

    expect(response.status).toBe(200);
  });

  it('hides jobs of another organization', async () => {
    const other = await t.createOrganization();

    const rest = await t.http.get(`/v1/jobs/${job.id}`).set(...bearer(other.adminKey));
    const graphql = await t.gql(JOB_QUERY, { id: job.id }, other.adminKey);

    expect(rest.status).toBe(404);
    expect(rest.body.code).toBe('NOT_FOUND');
    expect(rest.body.errors[0].field).toBe('id');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(graphql.data?.job ?? null).toBeNull();
  });

  it('rejects a malformed or unknown id', async () => {
    const malformed = await t.http.get('/v1/jobs/not-a-uuid').set(...bearer(t.adminKey));
    const unknown = await t.http
      .get('/v1/jobs/00000000-0000-4000-8000-000000000000')
      .set(...bearer(t.adminKey));
    const graphql = await t.gql(JOB_QUERY, { id: 'not-a-uuid' });

    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('BAD_USER_INPUT');
    expect(malformed.body.errors[0].field).toBe('id');
    expect(unknown.status).toBe(404);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
