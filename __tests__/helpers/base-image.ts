// Base images made offline: `FROM scratch` plus Debian's busybox-static (/bin/busybox and a few applet
// links), built once per test file with buildah (private vfs storage, chroot isolation) and pushed to
// a test registry; callers get its reference by digest, as a graph image's `FROM ${BASE}` would.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { exec } from '../../src/adapters/exec.js'
import type { RegistryConnection } from '../../src/adapters/ports.js'
import type { RegistryServer } from './registry-server.js'
import { tempDir } from './repo.js'

const APPLETS = ['sh', 'echo', 'cat', 'ls', 'test', 'seq']
const LOCAL_NAME = 'localhost/imagegraph-test/busybox:latest'
const REPOSITORY = 'imagegraph-test/busybox'

const caDirs = new Map<string, string>()

/**
 * A directory holding only the registry's CA. RegistryServer.certDir also holds the server's
 * `registry.key`, and containers/image reads a `*.key` in a `--cert-dir` as a client key and then
 * fails ("missing client certificate registry.cert for key registry.key").
 */
export function caOnlyDir(registry: RegistryServer): string | undefined {
  if (!registry.caFile) return undefined
  let dir = caDirs.get(registry.host)
  if (!dir) {
    dir = tempDir('imagegraph-ca-')
    copyFileSync(registry.caFile, path.join(dir, 'ca.crt'))
    caDirs.set(registry.host, dir)
  }
  return dir
}

/** The connection a builder uses for a test registry (plain HTTP is insecure; TLS has a cert dir). */
export function connectionFor(registry: RegistryServer): RegistryConnection {
  return {
    host: registry.host,
    insecure: !registry.options.tls,
    certDir: caOnlyDir(registry),
    username: registry.options.auth?.username,
    password: registry.options.auth?.password
  }
}

/** Flags for skopeo/buildah to reach a test registry (test credentials may go on a command line). */
export function registryFlags(registry: RegistryServer): string[] {
  const flags = registry.options.tls ? ['--cert-dir', caOnlyDir(registry)!] : ['--tls-verify=false']
  const auth = registry.options.auth
  if (auth) flags.push('--creds', `${auth.username}:${auth.password}`)
  return flags
}

async function must(command: string, args: string[]): Promise<string> {
  const r = await exec(command, args)
  if (r.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${r.code}):\n${r.stderr.toString()}`)
  }
  return r.stdout.toString()
}

let storage: Promise<string[]> | undefined
const pushed = new Map<string, Promise<string>>()

/**
 * Writes the context of the offline base image into dir: busybox and its applets (the ones given,
 * or the default set) under /bin, FROM scratch. No registry, no network.
 */
export function writeBusyboxContext(dir: string, applets: string[] = APPLETS): string {
  mkdirSync(path.join(dir, 'bin'), { recursive: true })
  copyFileSync('/bin/busybox', path.join(dir, 'bin', 'busybox'))
  for (const applet of applets) symlinkSync('busybox', path.join(dir, 'bin', applet))
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY bin/ /bin/\n')
  return dir
}

/** Builds the busybox image once (per test file: jest gives each file its own module registry). */
function buildOnce(): Promise<string[]> {
  storage ??= (async () => {
    const dir = tempDir('imagegraph-base-')
    const global = [
      '--root',
      path.join(dir, 'root'),
      '--runroot',
      path.join(dir, 'run'),
      '--storage-driver',
      'vfs'
    ]
    const context = writeBusyboxContext(path.join(dir, 'context'))
    await must('buildah', [...global, 'bud', '--isolation', 'chroot', '--tag', LOCAL_NAME, context])
    return global
  })()
  return storage
}

/** `127.0.0.1:PORT/imagegraph-test/busybox@sha256:...` in `registry` (pushed once per registry). */
export function busyboxBase(registry: RegistryServer): Promise<string> {
  let ref = pushed.get(registry.host)
  if (!ref) {
    ref = (async () => {
      const global = await buildOnce()
      const digestFile = path.join(tempDir('imagegraph-base-push-'), 'digest')
      await must('buildah', [
        ...global,
        'push',
        ...registryFlags(registry),
        '--digestfile',
        digestFile,
        LOCAL_NAME,
        `docker://${registry.host}/${REPOSITORY}:latest`
      ])
      return `${registry.host}/${REPOSITORY}@${readFileSync(digestFile, 'utf8').trim()}`
    })()
    pushed.set(registry.host, ref)
  }
  return ref
}

export interface InspectedImage {
  Digest: string
  RepoTags: string[]
  Labels: Record<string, string> | null
  Layers: string[]
}

/** `skopeo inspect` of a reference in a test registry: digest, the repository's tags, labels, layers. */
export async function inspectImage(registry: RegistryServer, ref: string): Promise<InspectedImage> {
  const out = await must('skopeo', ['inspect', ...registryFlags(registry), `docker://${ref}`])
  return JSON.parse(out) as InspectedImage
}

/** The image's layers as content (`rootfs.diff_ids` of its config): what "built on" means. */
export async function diffIds(registry: RegistryServer, ref: string): Promise<string[]> {
  const out = await must('skopeo', [
    'inspect',
    '--config',
    ...registryFlags(registry),
    `docker://${ref}`
  ])
  return (JSON.parse(out) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids
}
