// Symbolic links in a commit's tree. Git stores a link as a file (mode 120000) whose content is
// the target, so a context or a config that goes through a link owns only that file unless the
// link is followed. Links are followed here as the commit records them (never the working tree):
// a path is resolved segment by segment, as the kernel does, and a link that leads outside the
// repository is the user's error.
import type { TrackedFile } from './changes.js'

export const SYMLINK_MODE = '120000'
/** As the kernel's ELOOP: more links than this in one resolution is a loop. */
export const MAX_HOPS = 40
/** How many links deep another name of a file is looked for (a link to a link's directory...). */
const MAX_ALIAS_DEPTH = 8

export function isSymlink(f: TrackedFile): boolean {
  return 'line' in f ? f.line.startsWith(`${SYMLINK_MODE} `) : f.mode === SYMLINK_MODE
}

/** The object id of a tracked file (the blob that holds a link's target). */
export function objectIdOf(f: TrackedFile): string {
  return 'line' in f ? f.line.slice(f.line.indexOf(' ') + 1, f.line.indexOf('\t')) : f.oid
}

export type Resolution = { path: string; via: string[] } | { error: string; via: string[] }

export class Symlinks {
  private aliasIndex?: Map<string, string[]>

  /** targets: each link's path and its target as git holds it (the link blob's text). */
  constructor(readonly targets: Map<string, string>) {}

  get size(): number {
    return this.targets.size
  }

  /**
   * The real path of a repository path ('' is the root), every link on the way followed, and the
   * links it went through (their targets decide it too). An error when a link leads out of the
   * repository or loops.
   */
  resolve(path: string): Resolution {
    const via: string[] = []
    if (this.targets.size === 0) return { path, via }
    const out: string[] = []
    const queue = path === '' ? [] : path.split('/')
    let hops = 0
    while (queue.length > 0) {
      const segment = queue.shift()!
      if (segment === '' || segment === '.') continue
      if (segment === '..') {
        if (out.length === 0)
          return {
            error: `${describeVia(via, this.targets)}, which leads outside the repository`,
            via
          }
        out.pop()
        continue
      }
      out.push(segment)
      const here = out.join('/')
      const target = this.targets.get(here)
      if (target === undefined) continue
      via.push(here)
      if (++hops > MAX_HOPS)
        return { error: `${describeVia(via.slice(0, 3), this.targets)}, ..., which loop`, via }
      if (isAbsoluteTarget(target))
        return {
          error: `${describeVia(via, this.targets)}, which leads outside the repository`,
          via
        }
      out.pop()
      queue.unshift(...target.split('/'))
    }
    return { path: out.join('/'), via }
  }

  /** Links by the real path they lead to (only links that stay in the repository). */
  private aliases(): Map<string, string[]> {
    if (!this.aliasIndex) {
      this.aliasIndex = new Map()
      for (const link of this.targets.keys()) {
        const r = this.resolve(link)
        if (!('path' in r)) continue
        const list = this.aliasIndex.get(r.path)
        if (list) list.push(link)
        else this.aliasIndex.set(r.path, [link])
      }
    }
    return this.aliasIndex
  }

  /**
   * The other names a path has through links: `cfglink/a.yaml` for `cfgreal/a.yaml` when
   * `cfglink -> cfgreal`, with the links each name goes through. Works for paths that are not
   * (or no longer) there too.
   */
  otherNames(path: string): Array<{ path: string; via: string[] }> {
    if (this.targets.size === 0) return []
    const out: Array<{ path: string; via: string[] }> = []
    const aliases = this.aliases()
    const visit = (p: string, via: string[], depth: number) => {
      if (depth >= MAX_ALIAS_DEPTH) return
      // p and every directory above it, the root included, that some link leads to.
      const dirs = [p]
      for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1))
        dirs.push(p.slice(0, i))
      if (p !== '') dirs.push('')
      for (const dir of dirs) {
        const links = aliases.get(dir)
        if (links === undefined) continue
        const rest = dir === '' ? `/${p}` : p.slice(dir.length)
        for (const link of links) {
          const name = `${link}${rest}`
          if (name === p) continue
          const chain = [...via, link]
          out.push({ path: name, via: chain })
          visit(name, chain, depth + 1)
        }
      }
    }
    visit(path, [], 0)
    return out
  }
}

/** The links a resolution went through, as a message says them. */
export function describeVia(
  via: string[],
  targetOf: { get(link: string): string | undefined }
): string {
  return via.map(link => `the symlink ${link} -> ${targetOf.get(link)}`).join(', then ')
}

/** A link target that names a place outside any repository (`/etc`, `C:\\`). */
export function isAbsoluteTarget(target: string): boolean {
  return target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target)
}
