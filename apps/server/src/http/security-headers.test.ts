import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});

describe('security headers', () => {
  it('are set on API answers, errors included', async () => {
    for (const url of ['/api/health', '/api/leads']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });
});
