// Verified restore around any backend: a save stores a manifest of every file (path, mode, size,
// sha256) and the key beside the outputs; a restore checks what landed on disk against it and
// discards the whole restore on any difference, so the process runs instead. A corrupted, truncated,
// swapped or tampered entry never reaches an image.
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import {
  canonicalCachePath,
  itemProblems,
  makeManifest,
  manifestFileName,
  parseManifest,
  serializeManifest,
  summarizeProblems,
  verifyRestore
} from '../../core/cache-manifest.js'
import type { Cache, CacheRestoreResult, CacheSaveResult } from '../ports.js'
import { errorText, listItems, parentProblem, removePaths } from './files.js'

/** A manifest larger than this is not one we wrote (a million files is about 200 MB of JSON). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024

export class VerifiedCache implements Cache {
  readonly description: string

  constructor(private readonly inner: Cache) {
    this.description = inner.description
  }

  private async pathsProblem(paths: string[], root: string): Promise<string | undefined> {
    if (paths.length === 0) return 'no paths given'
    for (const p of paths) {
      const c = canonicalCachePath(p)
      if ('problem' in c) return c.problem
      if (c.path !== p) return `path ${JSON.stringify(p)} is not in canonical form (${c.path})`
      const why = await parentProblem(root, p)
      if (why) return why
    }
    return undefined
  }

  async save(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    try {
      return await this.trySave(key, paths, root)
    } catch (e) {
      return {
        saved: false,
        warning: `cache ${this.description}: saving ${key} failed: ${errorText(e)}`
      }
    }
  }

  async restore(key: string, paths: string[], root: string): Promise<CacheRestoreResult> {
    try {
      return await this.tryRestore(key, paths, root)
    } catch (e) {
      const canonical = paths.every(p => {
        const c = canonicalCachePath(p)
        return 'path' in c && c.path === p
      })
      if (canonical)
        await removePaths(root, [...paths, manifestFileName(paths)]).catch(() => undefined)
      return {
        hit: false,
        warning: `cache ${this.description}: restoring ${key} failed: ${errorText(e)}`
      }
    }
  }

  private async trySave(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    const bad = await this.pathsProblem(paths, root)
    if (bad)
      return { saved: false, warning: `cache ${this.description}: not saving ${key}: ${bad}` }
    const manifestFile = manifestFileName(paths)
    const manifestPath = path.join(root, manifestFile)
    try {
      const items = await listItems(root, paths)
      // What a restore would reject is not worth uploading.
      const problems = itemProblems(paths, items)
      if (problems.length > 0)
        return {
          saved: false,
          warning: `cache ${this.description}: not saving ${key}: ${summarizeProblems(problems)}`
        }
      await fs.writeFile(manifestPath, serializeManifest(makeManifest(key, paths, items)))
      return await this.inner.save(key, [...paths, manifestFile], root)
    } catch (e) {
      return {
        saved: false,
        warning: `cache ${this.description}: saving ${key} failed: ${errorText(e)}`
      }
    } finally {
      await fs.rm(manifestPath, { force: true }).catch(() => undefined)
    }
  }

  private async tryRestore(
    key: string,
    paths: string[],
    root: string
  ): Promise<CacheRestoreResult> {
    const bad = await this.pathsProblem(paths, root)
    if (bad)
      return { hit: false, warning: `cache ${this.description}: not restoring ${key}: ${bad}` }
    const manifestFile = manifestFileName(paths)
    const manifestPath = path.join(root, manifestFile)
    // A stale manifest from an interrupted run must not vouch for this restore.
    await fs.rm(manifestPath, { recursive: true, force: true })
    const result = await this.inner.restore(key, [...paths, manifestFile], root)
    if (!result.hit) {
      await fs.rm(manifestPath, { recursive: true, force: true }).catch(() => undefined)
      return result
    }
    let problems: string[]
    try {
      problems = await this.check(key, paths, root, manifestPath)
    } catch (e) {
      problems = [`checking it failed: ${errorText(e)}`]
    }
    await fs.rm(manifestPath, { recursive: true, force: true }).catch(() => undefined)
    if (problems.length === 0) return result
    await removePaths(root, paths).catch(() => undefined)
    return {
      hit: false,
      bytes: result.bytes,
      warning: `cache ${this.description}: discarded the restore of ${key}: ${summarizeProblems(problems)}`
    }
  }

  private async check(
    key: string,
    paths: string[],
    root: string,
    manifestPath: string
  ): Promise<string[]> {
    // The restore itself may have made a parent of a path a symlink (an archive can hold anything);
    // reading or chmod-ing through it would reach outside the root.
    for (const p of paths) {
      const why = await parentProblem(root, p)
      if (why) return [why]
    }
    const st = await fs.lstat(manifestPath).catch(() => undefined)
    if (!st || !st.isFile()) return ['the entry has no manifest']
    if (st.size > MAX_MANIFEST_BYTES) return [`the manifest is too large (${st.size} bytes)`]
    const manifest = parseManifest(await fs.readFile(manifestPath, 'utf8'))
    if ('problem' in manifest) return [manifest.problem]
    // The archive may not keep modes exactly (tar applies the umask when not run as root); the
    // manifest is the record, so set them from it before comparing. Only items the manifest places
    // inside the paths, found on disk with the same type, are touched, never through a symlink.
    const early = verifyRestore(manifest, key, paths, manifest.items).filter(
      p => !p.endsWith('is missing')
    )
    if (early.length > 0) return early
    const found = await listItems(root, paths)
    const onDisk = new Map(found.map(i => [i.path, i]))
    for (const item of manifest.items) {
      const there = onDisk.get(item.path)
      if (!there || there.type !== item.type) continue
      if (
        (item.type === 'file' || item.type === 'dir') &&
        (there.type === 'file' || there.type === 'dir')
      ) {
        if (item.mode !== there.mode) {
          await fs.chmod(path.join(root, item.path), item.mode)
          there.mode = (await fs.lstat(path.join(root, item.path))).mode & 0o7777
        }
      }
    }
    return verifyRestore(manifest, key, paths, found)
  }
}
