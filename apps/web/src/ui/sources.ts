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

/**
 * The source a person means by what they typed: a system source when the text is its name in the
 * language `t` speaks ("Мероприятие" is "event"), else the text as typed. Only the exact name counts,
 * so the field never rewrites text while someone is still typing it.
 */
export function sourceFromText(t: TFunction, text: string): string {
  return knownSources.find((code) => t(`sources.${code}`) === text) ?? text;
}

/** What a source field offers: the system's sources by name, then the other sources people use. */
export function sourceOptions(t: TFunction, inUse: readonly string[]): string[] {
  return [...new Set([...knownSources, ...inUse].map((source) => nameSource(t, source)))];
}
