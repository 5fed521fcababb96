import { afterAll } from 'vitest';
import { closeTestApps } from './test-app';

// Runs in every database test file before its tests are collected, so this hook belongs to the file.
afterAll(closeTestApps);
