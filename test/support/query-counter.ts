import { DataSource, Logger } from 'typeorm';
import { TestApp } from './test-app';

/** Counts the SQL statements the app sends while `run` executes, through TypeORM's logger hook. */
export async function countQueries(t: TestApp, run: () => Promise<unknown>): Promise<string[]> {
  const dataSource = t.app.get(DataSource);
  const original = dataSource.logger;
  const queries: string[] = [];
  const counting = new Proxy(original, {
    get(target, property, receiver) {
      if (property === 'logQuery') {
        return (query: string, ...rest: unknown[]) => {
          queries.push(query);

          return (target.logQuery as (...args: unknown[]) => unknown).call(target, query, ...rest);
        };
      }

      return Reflect.get(target, property, receiver);
    },
  }) as Logger;
  Object.defineProperty(dataSource, 'logger', {
    value: counting,
    configurable: true,
    writable: true,
  });
  try {
    await run();
  } finally {
    Object.defineProperty(dataSource, 'logger', {
      value: original,
      configurable: true,
      writable: true,
    });
  }

  return queries;
}
