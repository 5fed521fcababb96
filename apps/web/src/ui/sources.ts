import { knownSources } from '@voronka/domain';
import type { TFunction } from 'i18next';

/**
 * A lead's or deal's source as people read it: the codes the system writes in the language `t` speaks,
 * any other text as it was typed.
 */
export function nameSource(t: TFunction, source: string): string {
  const known = knownSources.find((candidate) => candidate === source);
  return known ? t(`sources.${known}`) : source;
}
