// The disk side of cache entries: list what is under an entry's paths (without following symlinks),
// copy such a tree with its modes, remove paths. Shared by the local backend and verified restore.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { CacheEntryItem } from '../../core/cache-manifest.js'

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/**
 * A reason why `rel` under `root` cannot be used safely: one of its parent directories is a symlink
 * (writing or reading through it would reach outside the root), or a parent is not a directory.
 */
export async function parentProblem(root: string, rel: string): Promise<string | undefined> {
  const parts = rel.split('/').slice(0, -1)
  let at = root
  for (const part of parts) {
    at = path.join(at, part)
    const st = await lstatOrUndefined(at)
    if (!st) return undefined
    if (st.isSymbolicLink()) return `${path.relative(root, at)} (a parent of ${rel}) is a symlink`
    if (!st.isDirectory())
      return `${path.relative(root, at)} (a parent of ${rel}) is not a directory`
  }
  return undefined
}

/** Every item under `paths` (relative to `root`), with POSIX relative paths; absent paths give none. */
export async function listItems(root: string, paths: string[]): Promise<CacheEntryItem[]> {
  const items: CacheEntryItem[] = []
  const visit = async (rel: string): Promise<void> => {
    const abs = path.join(root, rel)
    const st = await lstatOrUndefined(abs)
    if (!st) return
    const mode = st.mode & 0o7777
    if (st.isSymbolicLink())
      items.push({ path: rel, type: 'symlink', target: await fs.readlink(abs) })
    else if (st.isFile())
      items.push({ path: rel, type: 'file', mode, size: st.size, sha256: await sha256(abs) })
    else if (st.isDirectory()) {
      items.push({ path: rel, type: 'dir', mode })
      for (const name of (await fs.readdir(abs)).sort()) await visit(`${rel}/${name}`)
    } else items.push({ path: rel, type: 'other' })
  }
  for (const p of paths) await visit(p)
  return items
}

/**
 * Remove each path under `root` (files, directories, symlinks themselves, never their targets). When
 * a parent of a path is a symlink or a file (a restore put it there), that parent goes instead:
 * removing the path through it would delete whatever lies outside the root.
 */
export async function removePaths(root: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    let at = root
    let target = path.join(root, p)
    for (const part of p.split('/').slice(0, -1)) {
      at = path.join(at, part)
      const st = await lstatOrUndefined(at)
      if (!st) break
      if (!st.isDirectory()) {
        target = at
        break
      }
    }
    await fs.rm(target, { recursive: true, force: true })
  }
}

/**
 * Copy `rel` from under `fromRoot` to under `toRoot`, keeping modes and symlinks as they are. Returns
 * the bytes of the files copied. Directory modes are set after their contents, so a read-only
 * directory can still be filled.
 */
export async function copyTree(fromRoot: string, toRoot: string, rel: string): Promise<number> {
  const from = path.join(fromRoot, rel)
  const to = path.join(toRoot, rel)
  const st = await fs.lstat(from)
  if (st.isSymbolicLink()) {
    await fs.symlink(await fs.readlink(from), to)
    return 0
  }
  if (st.isFile()) {
    await fs.copyFile(from, to)
    await fs.chmod(to, st.mode & 0o7777)
    return st.size
  }
  if (st.isDirectory()) {
    await fs.mkdir(to)
    let bytes = 0
    for (const name of await fs.readdir(from))
      bytes += await copyTree(fromRoot, toRoot, `${rel}/${name}`)
    await fs.chmod(to, st.mode & 0o7777)
    return bytes
  }
  throw new Error(`${rel} is not a file, directory or symlink`)
}

/** Create the parent directories of `rel` under `root` (not `rel` itself). */
export async function makeParents(root: string, rel: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true })
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
