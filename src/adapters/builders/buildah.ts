// buildah: `buildah bud` and `buildah push --digestfile`, daemonless, rootless-capable; the builder
// for CI containers without Docker. Storage and isolation are options (tests: private vfs storage).
import type { BuildRequest, BuildResult, Builder } from '../ports.js'
import {
  type ContainersFiles,
  type ContainersToolOptions,
  containersBuild,
  containersBuildArgs,
  containersPushArgs
} from './containers-tools.js'

export type BuildahOptions = ContainersToolOptions

export function buildahBuildArgs(
  request: BuildRequest,
  options: BuildahOptions,
  files: ContainersFiles
): string[] {
  return containersBuildArgs('buildah', request, options, files)
}

export function buildahPushArgs(
  request: BuildRequest,
  options: BuildahOptions,
  files: ContainersFiles,
  imageId: string
): { tag: string; args: string[] }[] {
  return containersPushArgs(request, options, files, imageId)
}

export class BuildahBuilder implements Builder {
  readonly name = 'buildah' as const
  readonly description: string

  constructor(private readonly options: BuildahOptions = {}) {
    const details = [options.storageDriver, options.isolation ?? 'chroot'].filter(Boolean)
    this.description = `buildah (${details.join(', ')})`
  }

  build(request: BuildRequest): Promise<BuildResult> {
    return containersBuild('buildah', request, this.options)
  }
}
