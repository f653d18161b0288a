// The buildah builder against real registries (plain HTTP, htpasswd auth, auth + TLS): private vfs
// storage and chroot isolation in a temp dir, base images made offline (helpers/base-image.ts).
import * as path from 'node:path'
import { ContainersToolBuilder } from '../src/adapters/builders/containers-tools.js'
import { exec } from '../src/adapters/exec.js'
import { busyboxBase, connectionFor, diffIds, inspectImage } from './helpers/base-image.js'
import { CHECKS_BASE, ON_BASE, buildContext, request } from './helpers/build-context.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

const storage = tempDir('imagegraph-buildah-')
const options = {
  root: path.join(storage, 'root'),
  runroot: path.join(storage, 'run'),
  storageDriver: 'vfs'
}
const buildah = new ContainersToolBuilder('buildah', options)
const auth = { username: 'ci', password: 's3cret-pw' }
let plain: RegistryServer
let basic: RegistryServer
let tls: RegistryServer

beforeAll(async () => {
  ;[plain, basic, tls] = await Promise.all([
    RegistryServer.start(),
    RegistryServer.start({ auth }),
    RegistryServer.start({ auth, tls: true })
  ])
})

afterAll(async () => {
  await Promise.all([plain, basic, tls].filter(Boolean).map(r => r.stop()))
  removeTempDirs()
})

const labels = {
  'org.opencontainers.image.revision': '0123abc',
  'dev.imagegraph.key': 'key-a'
}

async function localDiffIds(imageId: string): Promise<string[]> {
  const r = await exec('buildah', [
    '--root',
    options.root,
    '--runroot',
    options.runroot,
    '--storage-driver',
    'vfs',
    'inspect',
    '--type',
    'image',
    imageId
  ])
  return (JSON.parse(r.stdout.toString()) as { OCIv1: { rootfs: { diff_ids: string[] } } }).OCIv1
    .rootfs.diff_ids
}

describe('buildah builder', () => {
  test('builds with RUN, ARG and COPY on a base by digest, pushes two tags, and a second image builds on the first by digest', async () => {
    const base = await busyboxBase(plain)
    const context = buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'made by a process\n' })
    const repo = `${plain.host}/app`
    const a = await buildah.build(
      request({
        image: 'app',
        context,
        buildArgs: { BASE: base, GREETING: 'hello' },
        labels,
        tags: [`${repo}:key-a`, `${repo}:v1`],
        push: true,
        registry: connectionFor(plain)
      })
    )
    expect(a).toMatchObject({ ok: true, logTail: [] })
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(a.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(a.local).toBeUndefined()

    const byTag = await inspectImage(plain, `${repo}:v1`)
    expect(byTag.Digest).toBe(a.digest)
    expect((await inspectImage(plain, `${repo}:key-a`)).Digest).toBe(a.digest)
    expect(byTag.RepoTags.sort()).toEqual(['key-a', 'v1'])
    expect(byTag.Labels).toMatchObject(labels)

    // A dependent on the pushed image by digest: its RUN sees the ARG's and the COPY's results.
    const aByDigest = `${repo}@${a.digest}`
    const b = await buildah.build(
      request({
        image: 'app-debug',
        context: buildContext({ Dockerfile: CHECKS_BASE }),
        buildArgs: { BASE: aByDigest, EXPECT: 'hello' },
        tags: [`${plain.host}/app-debug:key-b`],
        push: true,
        registry: connectionFor(plain)
      })
    )
    expect(b.error).toBeUndefined()
    const baseLayers = await diffIds(plain, base)
    const aLayers = await diffIds(plain, aByDigest)
    const bLayers = await diffIds(plain, `${plain.host}/app-debug@${b.digest}`)
    // buildah without --layers commits all of a Dockerfile's steps as one layer.
    expect(aLayers.length).toBe(baseLayers.length + 1)
    expect(aLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
    expect(bLayers.slice(0, aLayers.length)).toEqual(aLayers)
    expect(bLayers.length).toBe(aLayers.length + 1)
    // The compressed blobs are shared too: the registry stores the base's layers once.
    const aBlobs = (await inspectImage(plain, aByDigest)).Layers
    expect(aBlobs.slice(0, baseLayers.length)).toEqual((await inspectImage(plain, base)).Layers)
  })

  test('without push, a dependent builds on exactly the local image this run made', async () => {
    const base = await busyboxBase(plain)
    const a = await buildah.build(
      request({
        image: 'local-a',
        context: buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'local\n' }),
        buildArgs: { BASE: base, GREETING: 'only-here' },
        registry: connectionFor(plain)
      })
    )
    expect(a.ok).toBe(true)
    expect(a.digest).toBeUndefined()
    expect(a.local).toEqual({ ref: a.imageId })
    const b = await buildah.build(
      request({
        image: 'local-b',
        context: buildContext({ Dockerfile: CHECKS_BASE }),
        buildArgs: { BASE: a.local!.ref, EXPECT: 'only-here' },
        localBases: [a.local!]
      })
    )
    expect(b.error).toBeUndefined()
    const aLayers = await localDiffIds(a.imageId!)
    const bLayers = await localDiffIds(b.imageId!)
    expect(bLayers.slice(0, aLayers.length)).toEqual(aLayers)
  })

  test('a failing Dockerfile is a failure with the last 30 lines of its log', async () => {
    const base = await busyboxBase(plain)
    const lines: string[] = []
    const r = await buildah.build(
      request({
        image: 'broken',
        context: buildContext({
          Dockerfile:
            'ARG BASE\nFROM ${BASE}\nRUN for i in $(seq 1 60); do echo line-$i; done; exit 7\n'
        }),
        buildArgs: { BASE: base },
        registry: connectionFor(plain),
        onLine: l => lines.push(l)
      })
    )
    expect(r.ok).toBe(false)
    expect(r.error).toBe('buildah bud exited with 7') // buildah passes on the RUN's status
    expect(r.logTail.length).toBe(30)
    expect(r.logTail.some(l => l.includes('exit status 7'))).toBe(true)
    expect(r.logTail).not.toContain('line-1')
    expect(lines).toContain('line-1')
    expect(lines).toContain('line-60')
  })

  test('pushes with htpasswd credentials from an auth file, and wrong ones fail with the reason', async () => {
    const base = await busyboxBase(basic)
    const context = buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'auth\n' })
    const tag = `${basic.host}/secured:key-s`
    const ok = await buildah.build(
      request({
        image: 'secured',
        context,
        buildArgs: { BASE: base, GREETING: 'hi' },
        tags: [tag],
        push: true,
        registry: connectionFor(basic)
      })
    )
    expect(ok.error).toBeUndefined()
    expect((await inspectImage(basic, tag)).Digest).toBe(ok.digest)

    const wrong = await buildah.build(
      request({
        image: 'secured',
        context,
        buildArgs: { BASE: base, GREETING: 'hi' },
        tags: [`${basic.host}/secured:other`],
        push: true,
        registry: { ...connectionFor(basic), password: 'wrong' }
      })
    )
    expect(wrong.ok).toBe(false)
    expect(wrong.logTail.join('\n')).toMatch(/unauthorized|authentication required/i)
    expect(wrong.logTail.join('\n')).not.toContain('wrong')
  })

  test('pushes over TLS with a private CA (--cert-dir) and credentials', async () => {
    const base = await busyboxBase(tls)
    const tag = `${tls.host}/tls-app:key-t`
    const r = await buildah.build(
      request({
        image: 'tls-app',
        context: buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'tls\n' }),
        buildArgs: { BASE: base, GREETING: 'secure' },
        labels,
        tags: [tag],
        push: true,
        registry: connectionFor(tls)
      })
    )
    expect(r.error).toBeUndefined()
    const inspected = await inspectImage(tls, tag)
    expect(inspected.Digest).toBe(r.digest)
    expect(inspected.Labels).toMatchObject(labels)
  })
})
