// The docker builder against Debian's dockerd, started privately by this file (own data root, exec
// root, pid file and socket; --iptables=false --ip-forward=false --bridge=none; stopped by PID).
// If dockerd cannot run in this sandbox the tests are skipped with the reason printed, never passed.
// The daemon pulls from and pushes to the plain-HTTP registry on 127.0.0.1 because dockerd treats
// 127.0.0.0/8 as an insecure registry by default. RUN steps use `--network none` (no bridge).
import { DockerBuilder } from '../src/adapters/builders/docker.js'
import { exec } from '../src/adapters/exec.js'
import { busyboxBase, connectionFor, diffIds, inspectImage } from './helpers/base-image.js'
import { CHECKS_BASE, ON_BASE, buildContext, request } from './helpers/build-context.js'
import { DockerDaemon } from './helpers/docker-daemon.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs } from './helpers/repo.js'

const started = await DockerDaemon.start()
const daemon = started instanceof DockerDaemon ? started : undefined
if (!daemon) console.warn(`SKIPPED docker builder tests: ${(started as { reason: string }).reason}`)
const maybe = daemon ? test : test.skip

let registry: RegistryServer

beforeAll(async () => {
  if (daemon) registry = await RegistryServer.start()
})

afterAll(async () => {
  await daemon?.stop()
  await registry?.stop()
  removeTempDirs()
})

describe(`docker builder (private dockerd${daemon ? `, ${daemon.storageDriver}` : ', not running'})`, () => {
  maybe(
    'builds on a base by digest, a dependent on the unpushed image, and pushes it',
    async () => {
      const docker = new DockerBuilder({ host: daemon!.host, network: 'none' })
      const base = await busyboxBase(registry)
      const a = await docker.build(
        request({
          image: 'app',
          context: buildContext({ Dockerfile: ON_BASE, 'generated.txt': 'from a process\n' }),
          buildArgs: { BASE: base, GREETING: 'docker-built' },
          registry: connectionFor(registry)
        })
      )
      expect(a.error).toBeUndefined()
      expect(a.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(a.local).toEqual({ ref: 'localhost/imagegraph/app:k-app' })

      const tags = [`${registry.host}/app-debug:key-b`, `${registry.host}/app-debug:v2`]
      const labels = { 'org.opencontainers.image.revision': 'fedcba9' }
      const b = await docker.build(
        request({
          image: 'app-debug',
          context: buildContext({ Dockerfile: CHECKS_BASE }),
          buildArgs: { BASE: a.local!.ref, EXPECT: 'docker-built' },
          labels,
          tags,
          push: true,
          registry: connectionFor(registry),
          localBases: [a.local!]
        })
      )
      expect(b.error).toBeUndefined()
      expect(b.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      const inspected = await inspectImage(registry, tags[0])
      expect(inspected.Digest).toBe(b.digest)
      expect(inspected.RepoTags.sort()).toEqual(['key-b', 'v2'])
      expect(inspected.Labels).toMatchObject(labels)
      // b starts with a's layers (as the daemon has them), which start with the base's.
      const r = await exec(
        'docker',
        ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', a.imageId!],
        {
          env: { ...process.env, DOCKER_HOST: daemon!.host }
        }
      )
      const aLayers = JSON.parse(r.stdout.toString()) as string[]
      const baseLayers = await diffIds(registry, base)
      const bLayers = await diffIds(registry, tags[0])
      expect(aLayers.slice(0, baseLayers.length)).toEqual(baseLayers)
      expect(aLayers.length).toBeGreaterThan(baseLayers.length)
      expect(bLayers.slice(0, aLayers.length)).toEqual(aLayers)
    }
  )

  maybe('a failing RUN is a failure with the log tail', async () => {
    const docker = new DockerBuilder({ host: daemon!.host, network: 'none' })
    const base = await busyboxBase(registry)
    const r = await docker.build(
      request({
        image: 'broken',
        context: buildContext({
          Dockerfile: 'ARG BASE\nFROM ${BASE}\nRUN echo about-to-fail; exit 4\n'
        }),
        buildArgs: { BASE: base }
      })
    )
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/^docker build exited with \d+$/)
    expect(r.logTail).toContain('about-to-fail')
  })
})
