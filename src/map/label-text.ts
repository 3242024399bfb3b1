/** Short forms of data names for map labels. */

/** The map label drops a bracketed second name ("Erbil Air Base (Erbil International Airport)"). */
export function shortName(name: string): string {
  const cut = name.replace(/\s*[(（][^)）]*[)）]\s*$/, '');
  return cut || name;
}
