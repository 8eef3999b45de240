import { TestApp } from './test-app';

/** Creates a member over REST and returns its body. Throws on any status but 201. */
export async function createMember(
  t: TestApp,
  body: Record<string, unknown> = {},
  key = t.adminKey,
): Promise<Record<string, any>> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const response = await t.http
    .post('/v1/members')
    .set('authorization', `Bearer ${key}`)
    .send({
      role: 'instructor',
      name: 'Ada Lovelace',
      email: `ada-${suffix}@example.com`,
      ...body,
    });
  if (response.status !== 201) {
    throw new Error(
      `Creating a member failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }

  return response.body;
}

export async function createStudent(
  t: TestApp,
  body: Record<string, unknown> = {},
  key = t.adminKey,
): Promise<Record<string, any>> {
  const response = await t.http
    .post('/v1/students')
    .set('authorization', `Bearer ${key}`)
    .send({ name: 'Sam Rivera', gradeLevel: '7', ...body });
  if (response.status !== 201) {
    throw new Error(
      `Creating a student failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }

  return response.body;
}

export async function createGuardian(
  t: TestApp,
  body: Record<string, unknown> = {},
  key = t.adminKey,
): Promise<Record<string, any>> {
  const response = await t.http
    .post('/v1/guardians')
    .set('authorization', `Bearer ${key}`)
    .send({ name: 'Maria Rivera', email: 'maria@example.com', preferredLanguage: 'es', ...body });
  if (response.status !== 201) {
    throw new Error(
      `Creating a guardian failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }

  return response.body;
}

export async function createCurriculum(
  t: TestApp,
  body: Record<string, unknown> = {},
  key = t.adminKey,
): Promise<Record<string, any>> {
  const response = await t.http
    .post('/v1/curricula')
    .set('authorization', `Bearer ${key}`)
    .send({
      name: 'Ratios',
      subject: 'Mathematics',
      gradeLevels: ['6'],
      objectives: [
        { code: 'RP.1', title: 'Ratio language', grade: '6' },
        { code: 'RP.2', title: 'Unit rates', grade: '6', prerequisiteCodes: ['RP.1'] },
        { code: 'RP.3', title: 'Ratio reasoning', grade: '6', parentCode: 'RP.1' },
      ],
      ...body,
    });
  if (response.status !== 201) {
    throw new Error(
      `Creating a curriculum failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }

  return response.body;
}

/** Walks a REST list page by page and returns every item id in order. */
export async function walkPages(
  t: TestApp,
  path: string,
  limit: number,
  key = t.adminKey,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await t.http
      .get(`${path}${separator}limit=${limit}${query}`)
      .set('authorization', `Bearer ${key}`);
    if (response.status !== 200) {
      throw new Error(
        `Listing ${path} failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    ids.push(...response.body.items.map((item: { id: string }) => item.id));
    cursor = response.body.nextCursor;
  } while (cursor);

  return ids;
}
