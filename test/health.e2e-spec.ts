import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

describe('health (e2e)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });

  afterEach(async () => {
    await t.close();
  });

  it('live returns ok without credentials', async () => {
    const response = await t.http.get('/health/live');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('live stays ok while the database is down', async () => {
    await t.app.get(DataSource).destroy();

    const live = await t.http.get('/health/live');
    const full = await t.http.get('/health');

    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(full.status).toBe(503);
    expect(full.body.database.status).toBe('down');
  });
});
