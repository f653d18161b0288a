// A FAKE of the Cache port, for the run-processes command tests only (STYLE.md: commands are tested
// with hand-written fakes of their ports). It keeps entries in memory as file trees; the real
// backends (local directory, @actions/cache) have their own tests against real stores.
import { lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { Cache, CacheRestoreResult, CacheSaveResult } from '../../src/adapters/ports.js'

interface Entry {
  files: Map<string, { data: Buffer; mode: number }>
  dirs: string[]
}

export class MemoryCache implements Cache {
  readonly description = 'memory (test fake)'
  readonly entries = new Map<string, Entry>()
  readonly saves: string[] = []
  readonly restores: string[] = []

  async restore(key: string, paths: string[], root: string): Promise<CacheRestoreResult> {
    this.restores.push(key)
    const entry = this.entries.get(key)
    if (!entry) return { hit: false }
    let bytes = 0
    for (const dir of entry.dirs) mkdirSync(path.join(root, dir), { recursive: true })
    for (const [file, { data, mode }] of entry.files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
      writeFileSync(path.join(root, file), data, { mode })
      bytes += data.length
    }
    return { hit: true, bytes }
  }

  async save(key: string, paths: string[], root: string): Promise<CacheSaveResult> {
    if (this.entries.has(key)) return { saved: false, warning: 'an entry with this key exists' }
    const entry: Entry = { files: new Map(), dirs: [] }
    let bytes = 0
    const visit = (rel: string): void => {
      const abs = path.join(root, rel)
      const st = lstatSync(abs)
      if (st.isDirectory()) {
        entry.dirs.push(rel)
        for (const name of readdirSync(abs)) visit(path.join(rel, name))
      } else {
        const data = readFileSync(abs)
        entry.files.set(rel, { data, mode: st.mode & 0o777 })
        bytes += data.length
      }
    }
    for (const p of paths) visit(p)
    this.entries.set(key, entry)
    this.saves.push(key)
    return { saved: true, bytes }
  }
}
