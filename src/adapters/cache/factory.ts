// Build the cache a run uses from its spec (`gha | local:DIR | none`, see core/cache-spec.ts). Every
// backend that stores something is wrapped in verified restore.
import * as path from 'node:path'
import type { CacheSpec } from '../../core/cache-spec.js'
import type { Cache } from '../ports.js'
import { ActionsCache } from './actions.js'
import type { ActionsCacheOptions } from './actions.js'
import { LocalCache } from './local.js'
import { NoCache } from './none.js'
import { VerifiedCache } from './verified.js'

export interface CacheFactoryOptions {
  /** A relative `local:DIR` is resolved against this directory (the caller's working directory). */
  cwd: string
  actions?: ActionsCacheOptions
}

export function createCache(spec: CacheSpec, options: CacheFactoryOptions): Cache {
  switch (spec.kind) {
    case 'gha':
      return new VerifiedCache(new ActionsCache(options.actions))
    case 'local':
      return new VerifiedCache(new LocalCache(path.resolve(options.cwd, spec.dir)))
    case 'none':
      return new NoCache()
  }
}
