// docker: `docker build` then `docker push` per tag, against whichever daemon DOCKER_HOST names.
// The daemon, not this client, decides how it reaches registries: plain HTTP is its
// `insecure-registries` setting (127.0.0.0/8 is in it by default) and CAs are its
// `/etc/docker/certs.d/<host>/ca.crt`; a request's `insecure`/`certDir` cannot change that here.
// No registry layer cache: the classic builder's `--cache-from` only uses images already pulled.
import * as path from 'node:path'
import { readFileSync } from 'node:fs'
import type { BuildRequest, BuildResult, Builder } from '../ports.js'
import { dockerConfigDir, privateWorkDir } from './credentials.js'
import { BuildLog, localTag, normaliseDigest } from './log.js'

export interface DockerOptions {
  /** The docker CLI (default `docker`). */
  command?: string
  /** `DOCKER_HOST` for the CLI (default: the environment's, else the system socket). */
  host?: string
  /** `--network` for RUN steps (e.g. `none` on a daemon started with `--bridge=none`). */
  network?: string
}

export interface DockerFiles {
  iidFile: string
}

function sortedPairs(record: Record<string, string>): string[] {
  return Object.keys(record)
    .sort()
    .map(k => `${k}=${record[k]}`)
}

/** `docker build` arguments; the caller checks that at most one platform is asked for. */
export function dockerBuildArgs(
  request: BuildRequest,
  options: DockerOptions,
  files: DockerFiles
): string[] {
  const args = ['build', '--file', request.dockerfile]
  if (request.target) args.push('--target', request.target)
  if (request.platforms.length === 1) args.push('--platform', request.platforms[0])
  if (options.network) args.push('--network', options.network)
  for (const pair of sortedPairs(request.buildArgs)) args.push('--build-arg', pair)
  for (const pair of sortedPairs(request.labels)) args.push('--label', pair)
  for (const tag of [localTag(request.image, request.key), ...request.tags]) args.push('--tag', tag)
  args.push('--iidfile', files.iidFile, request.context)
  return args
}

/** One `docker push` per tag (the image is tagged with each by the build). */
export function dockerPushArgs(request: BuildRequest): { tag: string; args: string[] }[] {
  return request.push ? request.tags.map(tag => ({ tag, args: ['push', tag] })) : []
}

/** `docker push` prints `<tag>: digest: sha256:... size: N` when it is done. */
export function parseDockerPushDigest(output: string): string | undefined {
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(output)
  return m?.[1]
}

export class DockerBuilder implements Builder {
  readonly name = 'docker' as const
  readonly description: string

  constructor(private readonly options: DockerOptions = {}) {
    this.description = `docker (${options.host ?? process.env.DOCKER_HOST ?? 'default daemon'})`
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    const log = new BuildLog(request.onLine)
    if (request.platforms.length > 1) {
      return log.failure(
        `the docker builder builds one platform, not ${request.platforms.join(', ')}: use builder buildx (or buildah/podman) for several`
      )
    }
    const command = this.options.command ?? 'docker'
    const work = privateWorkDir()
    try {
      const env: NodeJS.ProcessEnv = { ...process.env }
      if (this.options.host) env.DOCKER_HOST = this.options.host
      const config = dockerConfigDir(work.dir, request.registry)
      if (config) env.DOCKER_CONFIG = config
      if (request.registry?.insecure || request.registry?.certDir || request.registry?.caFile) {
        log.line(
          `note: the docker daemon's own settings decide TLS for ${request.registry.host} (insecure-registries, /etc/docker/certs.d)`
        )
      }
      const files = { iidFile: path.join(work.dir, 'iid') }
      const built = await log.run({
        command,
        args: dockerBuildArgs(request, this.options, files),
        env,
        what: 'docker build'
      })
      if (!built.ok) return log.failure(built.error)
      const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'))
      if (!imageId) return log.failure('docker build wrote no image id')
      let digest: string | undefined
      for (const push of dockerPushArgs(request)) {
        const pushed = await log.run({
          command,
          args: push.args,
          env,
          what: `docker push ${push.tag}`
        })
        if (!pushed.ok) return log.failure(pushed.error, { imageId })
        digest ??= parseDockerPushDigest(log.lastStdout)
      }
      // The local tag, not the id: the legacy builder takes both in FROM, but BuildKit (what `docker
      // build` runs when buildx is installed) parses FROM as a reference and rejects `sha256:...`.
      // The tag names the content key, so only a build of the same inputs can move it.
      const local = request.push ? undefined : { ref: localTag(request.image, request.key) }
      return log.success({ imageId, digest, local })
    } finally {
      work.remove()
    }
  }
}
