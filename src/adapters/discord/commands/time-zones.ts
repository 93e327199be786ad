import type { AutocompleteInteraction } from 'discord.js';

const ZONES: readonly string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

/** Up to 25 IANA zones containing what the user typed ("madrid" finds Europe/Madrid). */
export function timeZoneChoices(query: string): { name: string; value: string }[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_');
  return ZONES.filter((zone) => zone.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((zone) => ({ name: zone, value: zone }));
}

export async function autocompleteTimeZone(interaction: AutocompleteInteraction): Promise<void> {
  await interaction.respond(timeZoneChoices(String(interaction.options.getFocused())));
}
