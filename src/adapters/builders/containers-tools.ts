// buildah and podman come from the same project (containers/buildah is podman's build engine): the
// same build flags, storage options, registry flags and push. Their argv is built here, as data.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { BuildRequest, BuildResult, Builder, LocalImage } from '../ports.js'
import { containersAuthFile, privateWorkDir } from './credentials.js'
import { BuildLog, localTag, normaliseDigest } from './log.js'

export interface ContainersToolOptions {
  /** The program to run (default `buildah` / `podman`). */
  command?: string
  /** Storage: `--root`, `--runroot`, `--storage-driver` (tests: private dirs and `vfs`). */
  root?: string
  runroot?: string
  storageDriver?: string
  /** `--isolation`; default `chroot`, which needs no user namespaces or cgroups (CI containers). */
  isolation?: string
  /** `--network` for RUN steps; unset: the tool's default (podman 4.3 rejects `none` with chroot). */
  network?: string
}

/** Where the adapter asks the tool to write what it reports, and the auth and CA it prepared. */
export interface ContainersFiles {
  iidFile: string
  /** One digest file per pushed tag. */
  digestFile: (index: number) => string
  authFile?: string
  certDir?: string
}

export interface ContainersPush {
  tag: string
  args: string[]
}

type Tool = 'buildah' | 'podman'

function globalArgs(options: ContainersToolOptions): string[] {
  const args: string[] = []
  if (options.root) args.push('--root', options.root)
  if (options.runroot) args.push('--runroot', options.runroot)
  if (options.storageDriver) args.push('--storage-driver', options.storageDriver)
  return args
}

/**
 * The flags that reach the registry: for pulling `FROM` images in a build and for pushing. The
 * tools take them per command, not per host: `--tls-verify=false` also covers a `FROM` elsewhere.
 */
function registryArgs(request: BuildRequest, files: ContainersFiles): string[] {
  const args: string[] = []
  const registry = request.registry
  if (registry?.insecure) args.push('--tls-verify=false')
  const certDir = files.certDir ?? registry?.certDir
  if (certDir) args.push('--cert-dir', certDir)
  if (files.authFile) args.push('--authfile', files.authFile)
  return args
}

function sortedPairs(record: Record<string, string>): string[] {
  return Object.keys(record)
    .sort()
    .map(k => `${k}=${record[k]}`)
}

/** More than one platform: built into a manifest list named by the local tag, pushed with `--all`. */
function isList(request: BuildRequest): boolean {
  return request.platforms.length > 1
}

/** The build command's arguments (after the program name). */
export function containersBuildArgs(
  tool: Tool,
  request: BuildRequest,
  options: ContainersToolOptions,
  files: ContainersFiles
): string[] {
  const args = [...globalArgs(options), tool === 'buildah' ? 'bud' : 'build']
  args.push('--isolation', options.isolation ?? 'chroot')
  if (options.network) args.push('--network', options.network)
  args.push('--file', request.dockerfile)
  if (request.target) args.push('--target', request.target)
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','))
  for (const pair of sortedPairs(request.buildArgs)) args.push('--build-arg', pair)
  for (const pair of sortedPairs(request.labels)) args.push('--label', pair)
  args.push(...registryArgs(request, files))
  if (request.cache?.registryRef) {
    args.push('--layers', '--cache-from', request.cache.registryRef)
    if (request.cache.write) args.push('--cache-to', request.cache.registryRef)
  }
  const local = localTag(request.image, request.key)
  if (isList(request)) args.push('--manifest', local)
  else for (const tag of [local, ...request.tags]) args.push('--tag', tag)
  args.push('--iidfile', files.iidFile, request.context)
  return args
}

/** One push per tag, of the image built (by id) or of the manifest list (by its local tag). */
export function containersPushArgs(
  request: BuildRequest,
  options: ContainersToolOptions,
  files: ContainersFiles,
  imageId: string
): ContainersPush[] {
  if (!request.push) return []
  return request.tags.map((tag, i) => {
    const args = globalArgs(options)
    if (isList(request)) args.push('manifest', 'push', '--all')
    else args.push('push')
    args.push(...registryArgs(request, files), '--digestfile', files.digestFile(i))
    args.push(isList(request) ? localTag(request.image, request.key) : imageId, `docker://${tag}`)
    return { tag, args }
  })
}

/** The whole build and push for buildah or podman, over the argv above. */
export async function containersBuild(
  tool: Tool,
  request: BuildRequest,
  options: ContainersToolOptions
): Promise<BuildResult> {
  const command = options.command ?? tool
  const log = new BuildLog(request.onLine)
  const work = privateWorkDir()
  try {
    const files: ContainersFiles = {
      iidFile: path.join(work.dir, 'iid'),
      digestFile: i => path.join(work.dir, `digest-${i}`),
      authFile: containersAuthFile(work.dir, request.registry),
      certDir: caDir(work.dir, request)
    }
    const built = await log.run({
      command,
      args: containersBuildArgs(tool, request, options, files),
      what: `${tool} ${tool === 'buildah' ? 'bud' : 'build'}`
    })
    if (!built.ok) return log.failure(built.error)
    const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'))
    if (!imageId) return log.failure(`${tool} wrote no image id`)
    let digest: string | undefined
    for (const push of containersPushArgs(request, options, files, imageId)) {
      const pushed = await log.run({ command, args: push.args, what: `${tool} push ${push.tag}` })
      if (!pushed.ok) return log.failure(pushed.error, { imageId })
      digest ??= normaliseDigest(readFileSync(files.digestFile(0), 'utf8'))
    }
    const local: LocalImage | undefined = request.push
      ? undefined
      : { ref: isList(request) ? localTag(request.image, request.key) : imageId }
    return log.success({ imageId, digest, local })
  } finally {
    work.remove()
  }
}

/** A CA file given without a directory: buildah and podman read CAs only from a `--cert-dir`. */
function caDir(workDir: string, request: BuildRequest): string | undefined {
  const registry = request.registry
  if (!registry?.caFile || registry.certDir) return undefined
  const dir = path.join(workDir, 'certs')
  mkdirSync(dir, { mode: 0o700 })
  copyFileSync(registry.caFile, path.join(dir, 'ca.crt'))
  return dir
}

/** The buildah or podman builder: one class, since the two differ only in the program they run. */
export class ContainersToolBuilder implements Builder {
  readonly description: string

  constructor(
    readonly name: Tool,
    private readonly options: ContainersToolOptions = {}
  ) {
    const details = [
      options.storageDriver,
      options.isolation ?? 'chroot',
      options.network && `network ${options.network}`
    ]
    this.description = `${name} (${details.filter(Boolean).join(', ')})`
  }

  build(request: BuildRequest): Promise<BuildResult> {
    return containersBuild(this.name, request, this.options)
  }
}
