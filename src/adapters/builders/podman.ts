// podman: `podman build` (buildah inside) and `podman push --digestfile`; same flags as buildah,
// plus `--network` for RUN steps. Storage and isolation are options (tests: private vfs storage).
import type { BuildRequest, BuildResult, Builder } from '../ports.js'
import {
  type ContainersFiles,
  type ContainersToolOptions,
  containersBuild,
  containersBuildArgs,
  containersPushArgs
} from './containers-tools.js'

export type PodmanOptions = ContainersToolOptions

export function podmanBuildArgs(
  request: BuildRequest,
  options: PodmanOptions,
  files: ContainersFiles
): string[] {
  return containersBuildArgs('podman', request, options, files)
}

export function podmanPushArgs(
  request: BuildRequest,
  options: PodmanOptions,
  files: ContainersFiles,
  imageId: string
): { tag: string; args: string[] }[] {
  return containersPushArgs(request, options, files, imageId)
}

export class PodmanBuilder implements Builder {
  readonly name = 'podman' as const
  readonly description: string

  constructor(private readonly options: PodmanOptions = {}) {
    const details = [
      options.storageDriver,
      options.isolation ?? 'chroot',
      options.network && `network ${options.network}`
    ]
    this.description = `podman (${details.filter(Boolean).join(', ')})`
  }

  build(request: BuildRequest): Promise<BuildResult> {
    return containersBuild('podman', request, this.options)
  }
}
