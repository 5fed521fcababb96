import type { TestProject } from 'vitest/node';
import { createTemplate, dropTemplate, testEngine } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateLocation: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const location = await createTemplate();
  console.log(`database tests on ${testEngine}: template migrated in ${Date.now() - started} ms`);
  project.provide('templateLocation', location);
  return async () => dropTemplate(location);
}
