// The manifest every cache entry carries: each file, directory and symlink under the entry's paths
// with its mode, size and sha256, and the key the entry was made for. After a restore the files on
// disk are compared with it, so a corrupted, truncated, swapped or tampered entry is discarded
// before anything built from it can reach an image. Pure: the adapters walk the disk and pass the
// entries in.
import * as crypto from 'node:crypto'
import * as path from 'node:path'
import { byPath } from './changes.js'

export const MANIFEST_SCHEMA = 1

export type CacheEntryItem =
  | { path: string; type: 'dir'; mode: number }
  | { path: string; type: 'file'; mode: number; size: number; sha256: string }
  | { path: string; type: 'symlink'; target: string }
  /** A fifo, socket or device: never saved, and never accepted in a restore. */
  | { path: string; type: 'other' }

export interface CacheManifest {
  schema: number
  /** The exact cache key this entry was saved under. */
  key: string
  /** The paths the entry was saved for (relative to the root, sorted). */
  paths: string[]
  /** Everything under those paths, sorted by path; a path that did not exist has no item. */
  items: CacheEntryItem[]
}

/** A path relative to the root in one canonical spelling, or why it is not one. */
export function canonicalCachePath(p: string): { path: string } | { problem: string } {
  if (p === '' || p.includes('\0'))
    return { problem: `path ${JSON.stringify(p)} is empty or has a NUL byte` }
  if (path.posix.isAbsolute(p) || /^[A-Za-z]:/.test(p) || p.includes('\\'))
    return { problem: `path ${JSON.stringify(p)} is not relative to the root` }
  const normal = path.posix.normalize(p).replace(/\/+$/, '')
  if (normal === '.' || normal === '')
    return { problem: `path ${JSON.stringify(p)} is the root itself` }
  if (normal === '..' || normal.startsWith('../'))
    return { problem: `path ${JSON.stringify(p)} leaves the root` }
  return { path: normal }
}

/**
 * Where the manifest sits beside the outputs while an entry is saved or restored. It depends on the
 * paths only (not the key), so an entry swapped in from another key for the same paths brings its own
 * manifest to the same place and is caught by its key.
 */
export function manifestFileName(paths: string[]): string {
  const digest = crypto
    .createHash('sha256')
    .update([...paths].sort().join('\n'))
    .digest('hex')
  return `.imagegraph-cache-manifest-${digest.slice(0, 16)}.json`
}

/** True when a symlink at `linkPath` (relative to the root) resolves outside the root. */
export function symlinkLeavesRoot(linkPath: string, target: string): boolean {
  // An absolute target cannot be restored to mean the same thing in another workspace.
  if (path.posix.isAbsolute(target) || target.includes('\\')) return true
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target))
  return resolved === '..' || resolved.startsWith('../')
}

function under(item: string, root: string): boolean {
  return item === root || item.startsWith(root + '/')
}

/** Problems with the items themselves: paths that leave the root or their declared paths, symlinks out. */
export function itemProblems(paths: string[], items: CacheEntryItem[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const c = canonicalCachePath(item.path)
    if ('problem' in c) {
      problems.push(c.problem)
      continue
    }
    if (c.path !== item.path) problems.push(`path ${JSON.stringify(item.path)} is not canonical`)
    if (seen.has(item.path)) problems.push(`${item.path} is listed twice`)
    seen.add(item.path)
    if (!paths.some(p => under(item.path, p)))
      problems.push(`${item.path} is outside the entry's paths (${paths.join(', ')})`)
    if (item.type === 'symlink' && symlinkLeavesRoot(item.path, item.target))
      problems.push(`${item.path} is a symlink to ${item.target}, which points outside the root`)
    if (item.type === 'other') problems.push(`${item.path} is not a file, directory or symlink`)
  }
  return problems
}

export function makeManifest(key: string, paths: string[], items: CacheEntryItem[]): CacheManifest {
  return {
    schema: MANIFEST_SCHEMA,
    key,
    paths: [...paths].sort(),
    items: [...items].sort(byPath)
  }
}

export function serializeManifest(m: CacheManifest): string {
  return JSON.stringify(m) + '\n'
}

function isItem(x: unknown): x is CacheEntryItem {
  if (typeof x !== 'object' || x === null) return false
  const o = x as Record<string, unknown>
  if (typeof o.path !== 'string') return false
  const mode = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0o7777
  switch (o.type) {
    case 'dir':
      return mode(o.mode)
    case 'file':
      return (
        mode(o.mode) &&
        Number.isSafeInteger(o.size) &&
        (o.size as number) >= 0 &&
        typeof o.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(o.sha256)
      )
    case 'symlink':
      return typeof o.target === 'string'
    default:
      return false
  }
}

export function parseManifest(text: string): CacheManifest | { problem: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'the manifest is not JSON' }
  }
  const o = value as Record<string, unknown>
  if (typeof o !== 'object' || o === null || o.schema !== MANIFEST_SCHEMA)
    return { problem: `the manifest's schema is not ${MANIFEST_SCHEMA}` }
  if (typeof o.key !== 'string') return { problem: 'the manifest has no key' }
  if (!Array.isArray(o.paths) || !o.paths.every(p => typeof p === 'string'))
    return { problem: 'the manifest has no list of paths' }
  if (!Array.isArray(o.items) || !o.items.every(isItem))
    return { problem: 'the manifest has a malformed item' }
  return { schema: MANIFEST_SCHEMA, key: o.key, paths: o.paths, items: o.items }
}

function describeItem(i: CacheEntryItem): string {
  switch (i.type) {
    case 'file':
      return `file mode ${i.mode.toString(8)} size ${i.size} sha256 ${i.sha256.slice(0, 12)}`
    case 'dir':
      return `directory mode ${i.mode.toString(8)}`
    case 'symlink':
      return `symlink to ${i.target}`
    default:
      return 'special file'
  }
}

function sameItem(a: CacheEntryItem, b: CacheEntryItem): boolean {
  if (a.type !== b.type) return false
  if (a.type === 'file' && b.type === 'file')
    return a.mode === b.mode && a.size === b.size && a.sha256 === b.sha256
  if (a.type === 'dir' && b.type === 'dir') return a.mode === b.mode
  if (a.type === 'symlink' && b.type === 'symlink') return a.target === b.target
  return false
}

/**
 * Everything wrong with a restore: the manifest against the key and paths asked for, then the items
 * found on disk against the manifest. Empty means the restore is exactly what was saved.
 */
export function verifyRestore(
  manifest: CacheManifest,
  key: string,
  paths: string[],
  found: CacheEntryItem[]
): string[] {
  const problems: string[] = []
  if (manifest.key !== key) problems.push(`the manifest was made for key ${manifest.key}`)
  const want = [...paths].sort().join('\n')
  if ([...manifest.paths].sort().join('\n') !== want)
    problems.push(`the manifest is for paths ${manifest.paths.join(', ')}`)
  problems.push(...itemProblems(paths, manifest.items))
  problems.push(...itemProblems(paths, found).filter(p => !problems.includes(p)))
  const expected = new Map(manifest.items.map(i => [i.path, i]))
  for (const item of found) {
    const e = expected.get(item.path)
    if (!e) problems.push(`${item.path} is not in the manifest (${describeItem(item)})`)
    else if (!sameItem(e, item))
      problems.push(
        `${item.path} differs: expected ${describeItem(e)}, found ${describeItem(item)}`
      )
    expected.delete(item.path)
  }
  for (const missing of expected.values()) problems.push(`${missing.path} is missing`)
  return problems
}

/** One line for a warning: the first few problems and how many more. */
export function summarizeProblems(problems: string[], max = 3): string {
  const shown = problems.slice(0, max).join('; ')
  return problems.length > max ? `${shown}; and ${problems.length - max} more` : shown
}
