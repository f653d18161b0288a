// The `local:DIR` backend: one directory per exact key under DIR, for self-hosted runners with a
// persistent disk and the CLI. An entry is built under a temp name in DIR and renamed into place, and
// a rename never replaces an existing entry, so two runs saving the same key at once leave one whole
// entry (the first to finish), never a mix.
import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { canonicalCachePath } from '../../core/cache-manifest.js'
import type { Cache, CacheRestoreResult, CacheSaveResult } from '../ports.js'
import { copyTree, errorText, makeParents, parentProblem, removePaths } from './files.js'

/**
 * A file name for a key, different for different keys even on a case-insensitive file system: lower
 * case letters, digits, `_`, `-` and inner dots stay; every other byte becomes `%XX` (upper-case hex,
 * and `%` is never kept, so decoding is unambiguous). Very long names keep a prefix and the key's
 * sha256 after a `~`, which no short name contains.
 */
export function entryName(key: string): string {
  let name = ''
  for (const byte of Buffer.from(key, 'utf8')) {
    const c = String.fromCharCode(byte)
    name += /[a-z0-9_.-]/.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  // A leading dot would hide the entry and could collide with the temp names below.
  if (name.startsWith('.')) name = '%2E' + name.slice(1)
  if (name.length > 200)
    name = name.slice(0, 120) + '~' + createHash('sha256').update(key).digest('hex')
  return name
}

const FILES = 'files'
const PATHS = 'paths.json'

function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false
  )
}

function pathsProblem(paths: string[]): string | undefined {
  if (paths.length === 0) return 'no paths given'
  for (const p of paths) {
    const c = canonicalCachePath(p)
    if ('problem' in c) return c.problem
    if (c.path !== p) return `path ${JSON.stringify(p)} is not in canonical form (${c.path})`
  }
  return undefined
}

export class LocalCache implements Cache {
  readonly description: string
  private readonly dir: string

  constructor(dir: string) {
    this.dir = path.resolve(dir)
    this.description = `local:${this.dir}`
  }

  private entryDir(key: string): string {
    return path.join(this.dir, entryName(key))
  }

  async restore(key: string, paths: string[], root: string): Promise<CacheRestoreResult> {
    const bad = pathsProblem(paths)
    if (bad)
      return { hit: false, warning: `cache ${this.description}: not restoring ${key}: ${bad}` }
    const entry = this.entryDir(key)
    let saved: unknown
    try {
      saved = JSON.parse(await fs.readFile(path.join(entry, PATHS), 'utf8'))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { hit: false }
      return {
        hit: false,
        warning: `cache ${this.description}: entry ${key} is unreadable: ${errorText(e)}`
      }
    }
    // Like the Actions cache's version: an entry made for other paths is another entry.
    if (JSON.stringify(saved) !== JSON.stringify([...paths].sort())) return { hit: false }
    let staging: string | undefined
    const placed: string[] = []
    try {
      for (const p of paths) {
        const why = await parentProblem(root, p)
        if (why)
          return { hit: false, warning: `cache ${this.description}: not restoring ${key}: ${why}` }
      }
      // Copy next to the outputs first (same file system), then swap each path in by a rename.
      staging = await fs.mkdtemp(path.join(root, '.imagegraph-restore-'))
      let bytes = 0
      const present: string[] = []
      for (const p of paths) {
        if (!(await exists(path.join(entry, FILES, p)))) continue
        await makeParents(staging, p)
        bytes += await copyTree(path.join(entry, FILES), staging, p)
        present.push(p)
      }
      for (const p of paths) {
        await removePaths(root, [p])
        placed.push(p)
        if (!present.includes(p)) continue
        await makeParents(root, p)
        await fs.rename(path.join(staging, p), path.join(root, p))
      }
      return { hit: true, bytes }
    } catch (e) {
      await removePaths(root, placed).catch(() => undefined)
      return {
        hit: false,
        warning: `cache ${this.description}: restoring ${key} failed: ${errorText(e)}`
      }
    } finally {
      if (staging) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined)
    }
  }

  async save(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    const bad = pathsProblem(paths)
    if (bad)
      return { saved: false, warning: `cache ${this.description}: not saving ${key}: ${bad}` }
    const entry = this.entryDir(key)
    if (await exists(entry)) return { saved: false, alreadyExists: true }
    let temp: string | undefined
    try {
      for (const p of paths) {
        const why = await parentProblem(root, p)
        if (why)
          return { saved: false, warning: `cache ${this.description}: not saving ${key}: ${why}` }
      }
      await fs.mkdir(this.dir, { recursive: true })
      temp = await fs.mkdtemp(path.join(this.dir, '.tmp-'))
      let bytes = 0
      for (const p of paths) {
        if (!(await exists(path.join(root, p)))) continue
        await makeParents(path.join(temp, FILES), p)
        bytes += await copyTree(root, path.join(temp, FILES), p)
      }
      await fs.writeFile(path.join(temp, PATHS), JSON.stringify([...paths].sort()))
      try {
        await fs.rename(temp, entry)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        // Another run finished the same key first; its entry stays whole, ours goes.
        if (code === 'ENOTEMPTY' || code === 'EEXIST') return { saved: false, alreadyExists: true }
        throw e
      }
      temp = undefined
      return { saved: true, bytes }
    } catch (e) {
      return {
        saved: false,
        warning: `cache ${this.description}: saving ${key} failed: ${errorText(e)}`
      }
    } finally {
      if (temp) await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    }
  }
}
