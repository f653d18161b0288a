// Which builder `auto` picks, and why: the choice as data, then real probes of this machine (docker
// CLI without buildx, no daemon at the socket given, podman and buildah installed).
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import {
  type ProbeResult,
  chooseBuilder,
  detectBuilder,
  lazyBuilder,
  probeBuilder
} from '../src/adapters/builders/detect.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const missingDaemon = `unix://${path.join(tempDir('imagegraph-nodaemon-'), 'docker.sock')}`

describe('choosing a builder', () => {
  const no = (name: ProbeResult['name'], note: string): ProbeResult => ({
    name,
    usable: false,
    note
  })
  const yes = (name: ProbeResult['name'], note: string): ProbeResult => ({
    name,
    usable: true,
    note
  })
  test.each([
    {
      probes: [yes('buildx', 'docker buildx v0.20.1 (driver docker-container)')],
      expected: {
        name: 'buildx',
        reason: 'buildx: docker buildx v0.20.1 (driver docker-container)'
      }
    },
    {
      probes: [no('buildx', 'docker buildx not installed'), yes('docker', 'docker daemon 27.1')],
      expected: {
        name: 'docker',
        reason: 'docker: docker buildx not installed, docker daemon 27.1'
      }
    },
    {
      probes: [
        no('buildx', 'docker not found'),
        no('docker', 'docker not found'),
        no('podman', 'podman found but `podman info` failed (cannot set up namespace)'),
        yes('buildah', 'buildah found')
      ],
      expected: {
        name: 'buildah',
        reason:
          'buildah: docker not found, podman found but `podman info` failed (cannot set up namespace), buildah found'
      }
    },
    {
      probes: [no('buildx', 'docker not found'), no('docker', 'docker not found')],
      expected: undefined
    }
  ])('$probes.length probes: $expected.name', ({ probes, expected }) => {
    expect(chooseBuilder(probes)).toEqual(expected)
  })
})

describe('probing this machine', () => {
  const storage = tempDir('imagegraph-detect-')
  const podman = {
    root: path.join(storage, 'root'),
    runroot: path.join(storage, 'run'),
    storageDriver: 'vfs'
  }

  test('auto: no buildx, no docker daemon, so podman, with the reason', async () => {
    const { builder, reason } = await detectBuilder('auto', {
      buildx: { host: missingDaemon },
      docker: { host: missingDaemon },
      podman
    })
    expect(builder.name).toBe('podman')
    expect(reason).toMatch(
      /^podman: docker buildx not installed, docker found but no daemon reachable \(.+\), podman found$/
    )
  })

  test('a builder that is not installed says so', async () => {
    expect(
      await probeBuilder('buildah', { buildah: { command: 'imagegraph-no-buildah' } })
    ).toEqual({
      name: 'buildah',
      usable: false,
      note: 'buildah not found'
    })
  })

  test('an explicit choice is not probed; auto probes only when first asked, and once', async () => {
    const marker = path.join(tempDir('imagegraph-lazy-'), 'probed')
    const fakeDocker = path.join(path.dirname(marker), 'docker')
    writeFileSync(fakeDocker, `#!/bin/sh\necho "$@" >> '${marker}'\nexit 1\n`)
    chmodSync(fakeDocker, 0o755)
    const options = {
      buildx: { command: fakeDocker },
      docker: { command: fakeDocker },
      podman: { command: 'imagegraph-no-podman' },
      buildah: { ...podman, command: 'buildah' }
    }
    const explicit = await detectBuilder('docker', options)
    expect(explicit.builder.name).toBe('docker')
    expect(existsSync(marker)).toBe(false)

    const resolve = lazyBuilder('auto', options)
    expect(existsSync(marker)).toBe(false)
    const first = await resolve()
    expect(first.builder.name).toBe('buildah')
    expect(first.reason).toBe(
      'buildah: docker buildx not installed, docker found but no daemon reachable, podman not found, buildah found'
    )
    expect(await resolve()).toBe(first)
  })

  test('no builder at all is one clear error', async () => {
    const none = { command: 'imagegraph-none' }
    await expect(
      detectBuilder('auto', { buildx: none, docker: none, podman: none, buildah: none })
    ).rejects.toThrow(
      'no image builder works here: docker not found, podman not found, buildah not found; install docker (with buildx), podman or buildah, or set the builder'
    )
  })
})
