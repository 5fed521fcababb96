/** Sources the system itself writes: web forms ("website"), telephony ("phone"), the demo's channels. */
const knownSources = ['website', 'phone', 'email', 'ads', 'referral', 'event', 'existing_client'] as const;
export type KnownSource = (typeof knownSources)[number];

/** The source as one of the system's own codes, which the UI names in its language; else undefined. */
export function knownSource(source: string): KnownSource | undefined {
  return knownSources.find((candidate) => candidate === source);
}
