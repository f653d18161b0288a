// The `none` backend: every restore misses and nothing is saved, so every process runs.
import type { Cache, CacheRestoreResult, CacheSaveResult } from '../ports.js'

export class NoCache implements Cache {
  readonly description = 'none'
  async restore(): Promise<CacheRestoreResult> {
    return { hit: false }
  }
  async save(): Promise<CacheSaveResult> {
    return { saved: false }
  }
}
