/**
 * Whether the quote prices installation apart from supply: true as soon as one line is an
 * installation or labour line; false when lines exist and none is; unknown without lines.
 */

export function hasSeparateInstallation(lines: readonly { nature: string }[]): boolean | undefined {
  if (lines.length === 0) return undefined;
  return lines.some((l) => l.nature === 'pose');
}
