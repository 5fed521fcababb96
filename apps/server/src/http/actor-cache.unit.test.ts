import { describe, expect, it } from 'vitest';
import { ActorCache } from './actor-cache';

function cacheAt(ttlMs: number, maxEntries = 100) {
  const clock = { now: 1_000 };
  const cache = new ActorCache<{ name: string; seen?: number }>(ttlMs, maxEntries, () => clock.now);
  cache.setListening(true);
  return { cache, clock };
}

describe('ActorCache', () => {
  it('keeps a row until it is ttl old, then asks again', () => {
    const { cache, clock } = cacheAt(10_000);
    cache.set('a', 'ws1', { name: 'Анна' }, cache.ticket());
    clock.now += 9_999;
    expect(cache.get('a')).toEqual({ name: 'Анна' });
    clock.now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets every row of a workspace and only of that workspace', () => {
    const { cache } = cacheAt(10_000);
    cache.set('a', 'ws1', { name: 'a' }, cache.ticket());
    cache.set('b', 'ws1', { name: 'b' }, cache.ticket());
    cache.set('c', 'ws2', { name: 'c' }, cache.ticket());
    cache.forgetWorkspace('ws1');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toEqual({ name: 'c' });
  });

  it('does not keep a row read before a change that was forgotten while it was being read', () => {
    const { cache } = cacheAt(10_000);
    const ticket = cache.ticket();
    // The lookup is in flight when another process announces a change.
    cache.forgetWorkspace('ws1');
    cache.set('a', 'ws1', { name: 'stale' }, ticket);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'ws1', { name: 'fresh' }, cache.ticket());
    expect(cache.get('a')).toEqual({ name: 'fresh' });
  });

  it('keeps nothing while it cannot hear changes, and drops what it had when it stops hearing', () => {
    const { cache } = cacheAt(10_000);
    cache.set('a', 'ws1', { name: 'a' }, cache.ticket());
    cache.setListening(false);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'ws1', { name: 'b' }, cache.ticket());
    expect(cache.get('b')).toBeUndefined();
    cache.setListening(true);
    cache.set('b', 'ws1', { name: 'b' }, cache.ticket());
    expect(cache.get('b')).toEqual({ name: 'b' });
  });

  it('keeps nothing with a ttl of 0', () => {
    const { cache } = cacheAt(0);
    cache.set('a', 'ws1', { name: 'a' }, cache.ticket());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest row when full', () => {
    const { cache } = cacheAt(10_000, 2);
    cache.set('a', 'ws1', { name: 'a' }, cache.ticket());
    cache.set('b', 'ws1', { name: 'b' }, cache.ticket());
    cache.set('c', 'ws1', { name: 'c' }, cache.ticket());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ name: 'b' });
    expect(cache.get('c')).toEqual({ name: 'c' });
  });

  it('patches a kept row without making it younger', () => {
    const { cache, clock } = cacheAt(10_000);
    cache.set('a', 'ws1', { name: 'a' }, cache.ticket());
    clock.now += 6_000;
    cache.patch('a', { seen: 7 });
    expect(cache.get('a')).toEqual({ name: 'a', seen: 7 });
    clock.now += 4_000;
    expect(cache.get('a')).toBeUndefined();
  });
});
