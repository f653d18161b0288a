// Git's tree objects: the Merkle tree a commit already is. A directory's tree id changes exactly
// when something below it changes, so one id names a whole image context. The id can be read from
// git (TreeObject) or computed from a listing of the files beneath (treeIdOf), and both give
// git's own id: a key is the same whichever way its files were found.
import * as crypto from 'node:crypto'
import type { TrackedFile } from './changes.js'
import { objectIdOf } from './links.js'
import { decodePaths, encodePaths } from './utf8.js'

export const TREE_MODE = '040000'

export interface TreeEntry {
  /** As git lists it: `100644`, `100755`, `120000` (a link), `160000` (a submodule), `040000`. */
  mode: string
  name: string
  oid: string
}

export function isTree(f: TrackedFile): boolean {
  return 'line' in f ? f.line.startsWith(`${TREE_MODE} `) : f.mode === TREE_MODE
}

/** The mode of a tracked file. */
export function modeOf(f: TrackedFile): string {
  return 'line' in f ? f.line.slice(0, f.line.indexOf(' ')) : f.mode
}

/** A mode as ls-tree writes it: git's tree objects write a directory's as `40000`. */
function lsTreeMode(raw: string): string {
  return raw.length === 5 ? `0${raw}` : raw
}

/**
 * A tree object as git gave it: an entry is found by its name without decoding the others (a plan
 * reads thousands of trees to look up one or two names in each). A large tree is indexed once.
 */
export class TreeObject {
  private index?: Map<string, number>

  constructor(
    private readonly data: Buffer,
    private readonly oidBytes: number
  ) {}

  /**
   * Calls found for each entry with where it lies (see name, mode and oid): its mode's first bytes
   * tell a tree, a link or anything else without any text being made.
   */
  forEach(found: (kind: 'tree' | 'link' | 'other', at: number, nul: number) => void): void {
    const { data } = this
    for (let at = 0; at < data.length;) {
      const nul = data.indexOf(0, at + 6)
      found(
        data[at] === 0x34 ? 'tree' : data[at] === 0x31 && data[at + 1] === 0x32 ? 'link' : 'other',
        at,
        nul
      )
      at = nul + 1 + this.oidBytes
    }
  }

  /** The name of the entry at `at` (forEach). */
  name(at: number, nul: number): string {
    const { data } = this
    const start = data.indexOf(32, at) + 1
    // Most names are ASCII, which latin1 reads byte for byte as UTF-8 would, without a decoder.
    for (let i = start; i < nul; i++)
      if (data[i] >= 0x80) return decodePaths(data.subarray(start, nul))
    return data.toString('latin1', start, nul)
  }

  mode(at: number): string {
    return lsTreeMode(this.data.toString('latin1', at, this.data.indexOf(32, at)))
  }

  oid(nul: number): string {
    return this.data.toString('hex', nul + 1, nul + 1 + this.oidBytes)
  }

  get(name: string): { mode: string; oid: string } | undefined {
    // Names compared as bytes: latin1 maps each byte to one character.
    // eslint-disable-next-line no-control-regex
    const key = /^[\x00-\x7f]*$/.test(name) ? name : encodePaths(name).toString('latin1')
    const { data } = this
    let at: number | undefined
    if (data.length > 4096) {
      if (!this.index) {
        this.index = new Map()
        for (let i = 0; i < data.length;) {
          const space = data.indexOf(32, i)
          const nul = data.indexOf(0, space + 1)
          this.index.set(data.toString('latin1', space + 1, nul), i)
          i = nul + 1 + this.oidBytes
        }
      }
      at = this.index.get(key)
    } else {
      for (let i = 0; i < data.length;) {
        const space = data.indexOf(32, i)
        const nul = data.indexOf(0, space + 1)
        if (nul - space - 1 === key.length && data.toString('latin1', space + 1, nul) === key) {
          at = i
          break
        }
        i = nul + 1 + this.oidBytes
      }
    }
    if (at === undefined) return undefined
    return { mode: this.mode(at), oid: this.oid(data.indexOf(0, data.indexOf(32, at) + 1)) }
  }
}

/** Git's id of a tree holding these entries (each name one path segment). */
export function hashTree(entries: TreeEntry[], oidHexLength: number): string {
  const named = entries.map(e => {
    const name = encodePaths(e.name)
    // Git orders a subtree as if its name ended with '/'.
    const sortKey = e.mode === TREE_MODE ? Buffer.concat([name, Buffer.from('/')]) : name
    return { e, name, sortKey }
  })
  named.sort((a, b) => Buffer.compare(a.sortKey, b.sortKey))
  const parts: Buffer[] = []
  for (const { e, name } of named) {
    parts.push(Buffer.from(`${e.mode === TREE_MODE ? '40000' : e.mode} `, 'latin1'))
    parts.push(name, Buffer.from([0]), oidBytesOf(e.oid))
  }
  const body = Buffer.concat(parts)
  const hash = crypto.createHash(oidHexLength === 64 ? 'sha256' : 'sha1')
  hash.update(`tree ${body.length}\0`)
  hash.update(body)
  return hash.digest('hex')
}

/** An object id as the bytes a tree holds; a hand-made id that is not hex is hashed as its text. */
function oidBytesOf(oid: string): Buffer {
  return /^(?:[0-9a-f]{2})+$/.test(oid) ? Buffer.from(oid, 'hex') : Buffer.from(oid, 'utf8')
}

/**
 * The tree id of directory dir ('' is the root) from the files beneath it, each with its path from
 * the same root: git's own id when the list holds every file under dir. Undefined when none is.
 */
export function treeIdOf(files: TrackedFile[], dir: string): string | undefined {
  const prefix = dir === '' ? '' : `${dir}/`
  interface Dir {
    files: TreeEntry[]
    dirs: Map<string, Dir>
  }
  const root: Dir = { files: [], dirs: new Map() }
  let oidLength = 40
  let any = false
  for (const f of files) {
    if (!f.path.startsWith(prefix) || f.path.length === prefix.length) continue
    any = true
    const parts = f.path.slice(prefix.length).split('/')
    let here = root
    for (let i = 0; i < parts.length - 1; i++) {
      let next = here.dirs.get(parts[i])
      if (!next) here.dirs.set(parts[i], (next = { files: [], dirs: new Map() }))
      here = next
    }
    const oid = objectIdOf(f)
    if (oid.length === 64) oidLength = 64
    here.files.push({ mode: modeOf(f), name: parts[parts.length - 1], oid })
  }
  if (!any) return undefined
  const hashDir = (d: Dir): string =>
    hashTree(
      [
        ...d.files,
        ...[...d.dirs].map(([name, sub]) => ({ mode: TREE_MODE, name, oid: hashDir(sub) }))
      ],
      oidLength
    )
  return hashDir(root)
}
