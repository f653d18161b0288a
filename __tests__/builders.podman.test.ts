// The podman builder against a real registry: private vfs storage (--root/--runroot) and chroot
// isolation in a temp dir. No `--network none`: podman 4.3 refuses it with chroot isolation ("cannot
// set --network other than host with --isolation chroot"); RUN steps here need no network anyway.
import * as path from 'node:path'
import { ContainersToolBuilder } from '../src/adapters/builders/containers-tools.js'
import { exec } from '../src/adapters/exec.js'
import { busyboxBase, connectionFor, diffIds, inspectImage } from './helpers/base-image.js'
import { CHECKS_BASE, ON_BASE, buildContext, request } from './helpers/build-context.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

const storage = tempDir('imagegraph-podman-')
const options = {
  root: path.join(storage, 'root'),
  runroot: path.join(storage, 'run'),
  storageDriver: 'vfs'
}
const podman = new ContainersToolBuilder('podman', options)
let registry: RegistryServer

beforeAll(async () => {
  registry = await RegistryServer.start()
})

afterAll(async () => {
  await registry?.stop()
  removeTempDirs()
})

describe('podman builder', () => {
  test('builds on a base by digest, a dependent on the unpushed result, and pushes it with labels', async () => {
    const base = await busyboxBase(registry)
    const a = await podman.build(
      request({
        image: 'app',
        context: buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'from a process\n' }),
        buildArgs: { BASE: base, GREETING: 'podman-built' },
        registry: connectionFor(registry)
      })
    )
    expect(a.error).toBeUndefined()
    expect(a.local).toEqual({ ref: a.imageId })
    expect(a.digest).toBeUndefined()

    const tags = [`${registry.host}/app-debug:key-b`, `${registry.host}/app-debug:latest`]
    const labels = { 'org.opencontainers.image.source': 'https://example.invalid/repo' }
    const b = await podman.build(
      request({
        image: 'app-debug',
        context: buildContext({ Dockerfile: CHECKS_BASE }),
        buildArgs: { BASE: a.local!.ref, EXPECT: 'podman-built' },
        labels,
        tags,
        push: true,
        registry: connectionFor(registry),
        localBases: [a.local!]
      })
    )
    expect(b.error).toBeUndefined()
    expect(b.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const inspected = await inspectImage(registry, tags[1])
    expect(inspected.Digest).toBe(b.digest)
    expect(inspected.RepoTags.sort()).toEqual(['key-b', 'latest'])
    expect(inspected.Labels).toMatchObject(labels)
    const baseLayers = await diffIds(registry, base)
    const bLayers = await diffIds(registry, tags[0])
    expect(bLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
    // ... and b sits on exactly a's layers (a's, read from podman's own storage).
    const r = await exec('podman', [
      ...['--root', options.root, '--runroot', options.runroot, '--storage-driver', 'vfs'],
      'image',
      'inspect',
      '--format',
      '{{json .RootFS.Layers}}',
      a.imageId!
    ])
    const aLayers = JSON.parse(r.stdout.toString()) as string[]
    expect(aLayers.length).toBeGreaterThan(baseLayers.length)
    expect(bLayers.slice(0, aLayers.length)).toEqual(aLayers)
  })

  test('a failing RUN is a failure with the log tail', async () => {
    const base = await busyboxBase(registry)
    const r = await podman.build(
      request({
        image: 'broken',
        context: buildContext({
          Dockerfile: 'ARG BASE\nFROM ${BASE}\nRUN echo about-to-fail; exit 3\n'
        }),
        buildArgs: { BASE: base },
        registry: connectionFor(registry)
      })
    )
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/^podman build exited with \d+$/)
    expect(r.logTail).toContain('about-to-fail')
    expect(r.logTail.length).toBeLessThanOrEqual(30)
  })
})
