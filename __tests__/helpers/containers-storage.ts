// A private containers storage (vfs, in a temp dir) for the builds buildah or podman make in a test:
// a storage.conf to point CONTAINERS_STORAGE_CONF at, one per test file, so no test writes the
// machine's own image store.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { tempDir } from './repo.js'

let conf: string | undefined

export function privateStorageConf(): string {
  if (!conf) {
    const dir = tempDir('imagegraph-containers-storage-')
    conf = path.join(dir, 'storage.conf')
    writeFileSync(
      conf,
      `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`
    )
  }
  return conf
}
