import type { TFunction } from 'i18next';

/** Sources the system itself writes: web forms ("website"), telephony ("phone"), the demo's channels. */
const knownSources = ['website', 'phone', 'email', 'ads', 'referral', 'event', 'existing_client'] as const;

/**
 * A lead's or deal's source as people read it: the codes the system writes in the language `t` speaks,
 * any other text as it was typed.
 */
export function nameSource(t: TFunction, source: string): string {
  const known = knownSources.find((candidate) => candidate === source);
  return known ? t(`sources.${known}`) : source;
}
