// buildx: `docker buildx build` with whatever builder the workflow set up (docker/setup-buildx-action:
// a docker-container driver by default; the docker driver otherwise). BuildKit reports what it made
// in `--metadata-file`. Not runnable here (buildx cannot be installed): its argv is tested as data.
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { BuildRequest, BuildResult, Builder, LocalImage } from '../ports.js'
import { dockerConfigDir, privateWorkDir } from './credentials.js'
import { BuildLog, localTag, normaliseDigest } from './log.js'

export interface BuildxOptions {
  /** The docker CLI (default `docker`). */
  command?: string
  /** `--builder`; default: the current one. */
  builder?: string
  /** `DOCKER_HOST` for the CLI. */
  host?: string
  /** Running on GitHub Actions: the `gha` layer cache is available. */
  github?: boolean
  /** `--provenance` value; default `false`, so a pushed image is a plain manifest (attest with
   * actions/attest-build-provenance instead). */
  provenance?: string
  /**
   * How a build that is not pushed is kept for its dependents: `load` into the docker image store
   * (the docker driver sees it there), or an OCI layout directory under `ociLayoutRoot` handed to
   * dependents as a named build context (a docker-container builder cannot see the image store).
   * Detection picks by the builder's driver. Default `load`.
   */
  localOutput?: 'load' | 'oci-layout'
  /** Default: `<tmpdir>/imagegraph-oci-layouts` (the runner's temp dir on GitHub). */
  ociLayoutRoot?: string
}

export interface BuildxFiles {
  metadataFile: string
  /** Where `oci-layout` output goes (a directory that outlives the build). */
  ociLayoutDir?: string
}

function sortedPairs(record: Record<string, string>): string[] {
  return Object.keys(record)
    .sort()
    .map(k => `${k}=${record[k]}`)
}

/** A CSV field for buildx's `key=value,...` options: quoted when it holds a comma or quote. */
function csvField(value: string): string {
  return /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * The gha cache scope: one per image and platform set. With one shared scope each image's export
 * replaces the last one's layers, so images evict each other (docker/build-push-action#867).
 */
export function ghaScope(request: BuildRequest): string {
  const platforms = request.platforms.length > 0 ? request.platforms.join('+') : 'default'
  return `${request.image}-${platforms}`.replace(/[^A-Za-z0-9._+-]+/g, '-')
}

function cacheArgs(request: BuildRequest, options: BuildxOptions): string[] {
  const cache = request.cache
  if (!cache) return []
  const args: string[] = []
  // ignore-error is an exporter option: a full or throttled cache never fails a build. A failed
  // import is only a warning in BuildKit already.
  if (cache.gha && options.github) {
    const scope = `scope=${ghaScope(request)}`
    args.push('--cache-from', `type=gha,${scope}`)
    if (cache.write) args.push('--cache-to', `type=gha,${scope},mode=max,ignore-error=true`)
  } else if (cache.registryRef) {
    const insecure = request.registry?.insecure ? ',registry.insecure=true' : ''
    const ref = `ref=${csvField(cache.registryRef)}${insecure}`
    args.push('--cache-from', `type=registry,${ref}`)
    if (cache.write) args.push('--cache-to', `type=registry,${ref},mode=max,ignore-error=true`)
  }
  return args
}

function outputArgs(request: BuildRequest, options: BuildxOptions, files: BuildxFiles): string[] {
  if (request.push) {
    if (!request.registry?.insecure) return ['--push']
    // Plain HTTP is a per-build exporter setting; TLS trust belongs to the builder's buildkitd.toml.
    const names = csvField(`name=${request.tags.join(',')}`)
    return ['--output', `type=image,${names},push=true,registry.insecure=true`]
  }
  if ((options.localOutput ?? 'load') === 'load') return ['--load']
  return ['--output', `type=oci,dest=${csvField(files.ociLayoutDir!)},tar=false`]
}

export function buildxBuildArgs(
  request: BuildRequest,
  options: BuildxOptions,
  files: BuildxFiles
): string[] {
  const args = ['buildx', 'build']
  if (options.builder) args.push('--builder', options.builder)
  args.push('--file', request.dockerfile)
  if (request.target) args.push('--target', request.target)
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','))
  for (const pair of sortedPairs(request.buildArgs)) args.push('--build-arg', pair)
  for (const pair of sortedPairs(request.labels)) args.push('--label', pair)
  for (const base of request.localBases ?? []) {
    for (const [name, value] of Object.entries(base.contexts ?? {}).sort()) {
      args.push('--build-context', `${name}=${value}`)
    }
  }
  const tags = request.push ? request.tags : [localTag(request.image, request.key), ...request.tags]
  for (const tag of tags) args.push('--tag', tag)
  args.push('--metadata-file', files.metadataFile)
  args.push(`--provenance=${options.provenance ?? 'false'}`)
  args.push(...cacheArgs(request, options), ...outputArgs(request, options, files))
  args.push(request.context)
  return args
}

/** What BuildKit reports: the manifest (or index) digest and the config digest (the image id). */
export function parseBuildxMetadata(json: string): { digest?: string; imageId?: string } {
  const m = JSON.parse(json) as Record<string, unknown>
  const digest =
    typeof m['containerimage.digest'] === 'string' ? m['containerimage.digest'] : undefined
  const config = m['containerimage.config.digest']
  return {
    digest: digest ? normaliseDigest(digest) : undefined,
    imageId: typeof config === 'string' ? normaliseDigest(config) : undefined
  }
}

/** How a dependent names this run's unpushed build, per the local output used. */
export function buildxLocalImage(
  request: BuildRequest,
  options: BuildxOptions,
  files: BuildxFiles,
  digest: string | undefined
): LocalImage {
  const ref = localTag(request.image, request.key)
  if ((options.localOutput ?? 'load') === 'load') return { ref }
  // A named build context replaces the FROM reference that equals its name.
  return { ref, contexts: { [ref]: `oci-layout://${files.ociLayoutDir}@${digest}` } }
}

export class BuildxBuilder implements Builder {
  readonly name = 'buildx' as const
  readonly description: string

  constructor(private readonly options: BuildxOptions = {}) {
    this.description = `buildx (${options.builder ?? 'current builder'}, ${options.localOutput ?? 'load'})`
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    const log = new BuildLog(request.onLine)
    const work = privateWorkDir()
    try {
      const files: BuildxFiles = { metadataFile: path.join(work.dir, 'metadata.json') }
      if (!request.push && this.options.localOutput === 'oci-layout') {
        const root = this.options.ociLayoutRoot ?? path.join(tmpdir(), 'imagegraph-oci-layouts')
        files.ociLayoutDir = path.join(root, request.image, request.key)
        mkdirSync(files.ociLayoutDir, { recursive: true })
      }
      const env: NodeJS.ProcessEnv = { ...process.env }
      if (this.options.host) env.DOCKER_HOST = this.options.host
      const config = dockerConfigDir(work.dir, request.registry)
      if (config) env.DOCKER_CONFIG = config
      const built = await log.run({
        command: this.options.command ?? 'docker',
        args: buildxBuildArgs(request, this.options, files),
        env,
        what: 'docker buildx build'
      })
      if (!built.ok) return log.failure(built.error)
      const reported = existsSync(files.metadataFile)
        ? parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8'))
        : {}
      if (!request.push && files.ociLayoutDir && !reported.digest) {
        return log.failure('docker buildx build reported no digest for its OCI layout output')
      }
      const local = request.push
        ? undefined
        : buildxLocalImage(request, this.options, files, reported.digest)
      return log.success({
        imageId: reported.imageId,
        digest: request.push ? reported.digest : undefined,
        local
      })
    } finally {
      work.remove()
    }
  }
}
