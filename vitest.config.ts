import { defineConfig } from 'vitest/config';

/**
 * The unit tests; the LMS's run a second time with their records in PostgreSQL when
 * FRONTLINE_TEST_DATABASE_URL names a server (each LMS makes and drops a database of its own).
 */
const postgres = process.env.FRONTLINE_TEST_DATABASE_URL
  ? [
      {
        extends: true as const,
        test: {
          name: 'lms-postgres',
          include: ['tests/unit/lms-server/**/*.test.ts'],
          env: { FRONTLINE_TEST_DB: 'postgres' },
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20000,
    projects: [{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } }, ...postgres],
  },
});
