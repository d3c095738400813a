/** A file name made from a title: `Sprint - July 1 to July 12` → `sprint-july-1-to-july-12`. */
export function slug(title: string): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return s.slice(0, 80) || 'sprint'
}
