// Every builder's argv as data: a pure function of the request, table-driven. buildx cannot be
// installed here, so these tables are its only tests (a fake in that sense: no BuildKit runs).
import { mkdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import {
  buildxBuildArgs,
  buildxLocalImage,
  ghaScope,
  parseBuildxMetadata
} from '../src/adapters/builders/buildx.js'
import {
  containersBuildArgs,
  containersPushArgs
} from '../src/adapters/builders/containers-tools.js'
import { containersAuthFile, dockerConfigDir } from '../src/adapters/builders/credentials.js'
import {
  dockerBuildArgs,
  dockerPushArgs,
  parseDockerPushDigest
} from '../src/adapters/builders/docker.js'
import { localTag } from '../src/adapters/builders/log.js'
import type { BuildRequest } from '../src/adapters/ports.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const ID = 'sha256:' + 'a'.repeat(64)
const DIGEST = 'sha256:' + 'b'.repeat(64)
const PASSWORD = 'p4ss-w0rd'

const base: BuildRequest = {
  image: 'api',
  key: 'k1',
  context: '/src/api',
  dockerfile: '/src/api/Dockerfile',
  platforms: [],
  buildArgs: { Z: 'last', BASE: 'reg.example/base@' + DIGEST },
  labels: { 'org.opencontainers.image.revision': 'abc' },
  tags: ['reg.example/api:k1', 'reg.example/api:v1'],
  push: true,
  registry: { host: 'reg.example', username: 'ci', password: PASSWORD }
}
const files = {
  iidFile: '/w/iid',
  digestFile: (i: number) => `/w/digest-${i}`,
  authFile: '/w/auth.json'
}
const storage = { root: '/s/root', runroot: '/s/run', storageDriver: 'vfs' }
const common = [
  '--build-arg',
  `BASE=reg.example/base@${DIGEST}`,
  '--build-arg',
  'Z=last',
  '--label',
  'org.opencontainers.image.revision=abc'
]

describe('buildah and podman argv', () => {
  test.each([
    {
      name: 'buildah: storage, chroot, sorted args and labels, auth file, tags and id file',
      args: containersBuildArgs('buildah', base, storage, files),
      expected: [
        '--root',
        '/s/root',
        '--runroot',
        '/s/run',
        '--storage-driver',
        'vfs',
        'bud',
        '--isolation',
        'chroot',
        '--file',
        '/src/api/Dockerfile',
        ...common,
        '--authfile',
        '/w/auth.json',
        '--tag',
        'localhost/imagegraph/api:k1',
        '--tag',
        'reg.example/api:k1',
        '--tag',
        'reg.example/api:v1',
        '--iidfile',
        '/w/iid',
        '/src/api'
      ]
    },
    {
      name: 'podman: insecure registry, a network, a target, one platform, registry layer cache',
      args: containersBuildArgs(
        'podman',
        {
          ...base,
          target: 'runtime',
          platforms: ['linux/arm64'],
          registry: { host: 'reg.example', insecure: true },
          cache: { registryRef: 'reg.example/api-cache', write: true }
        },
        { network: 'host' },
        { ...files, authFile: undefined }
      ),
      expected: [
        'build',
        '--isolation',
        'chroot',
        '--network',
        'host',
        '--file',
        '/src/api/Dockerfile',
        '--target',
        'runtime',
        '--platform',
        'linux/arm64',
        ...common,
        '--tls-verify=false',
        '--layers',
        '--cache-from',
        'reg.example/api-cache',
        '--cache-to',
        'reg.example/api-cache',
        '--tag',
        'localhost/imagegraph/api:k1',
        '--tag',
        'reg.example/api:k1',
        '--tag',
        'reg.example/api:v1',
        '--iidfile',
        '/w/iid',
        '/src/api'
      ]
    },
    {
      name: 'buildah: several platforms build a manifest list; a cert dir; a cache read but not written',
      args: containersBuildArgs(
        'buildah',
        {
          ...base,
          platforms: ['linux/amd64', 'linux/arm64'],
          registry: { host: 'reg.example', certDir: '/certs' },
          cache: { registryRef: 'reg.example/api-cache' }
        },
        {},
        { ...files, authFile: undefined }
      ),
      expected: [
        'bud',
        '--isolation',
        'chroot',
        '--file',
        '/src/api/Dockerfile',
        '--platform',
        'linux/amd64,linux/arm64',
        ...common,
        '--cert-dir',
        '/certs',
        '--layers',
        '--cache-from',
        'reg.example/api-cache',
        '--manifest',
        'localhost/imagegraph/api:k1',
        '--iidfile',
        '/w/iid',
        '/src/api'
      ]
    }
  ])('$name', ({ args, expected }) => {
    expect(args).toEqual(expected)
  })

  test('push: one per tag, of the built image id, with the digest file and the auth file', () => {
    expect(containersPushArgs(base, storage, files, ID)).toEqual([
      {
        tag: 'reg.example/api:k1',
        args: [
          '--root',
          '/s/root',
          '--runroot',
          '/s/run',
          '--storage-driver',
          'vfs',
          'push',
          '--authfile',
          '/w/auth.json',
          '--digestfile',
          '/w/digest-0',
          ID,
          'docker://reg.example/api:k1'
        ]
      },
      {
        tag: 'reg.example/api:v1',
        args: [
          '--root',
          '/s/root',
          '--runroot',
          '/s/run',
          '--storage-driver',
          'vfs',
          'push',
          '--authfile',
          '/w/auth.json',
          '--digestfile',
          '/w/digest-1',
          ID,
          'docker://reg.example/api:v1'
        ]
      }
    ])
    expect(containersPushArgs({ ...base, push: false }, {}, files, ID)).toEqual([])
  })

  test('a manifest list is pushed with --all, by its local name', () => {
    const list = {
      ...base,
      tags: ['reg.example/api:k1'],
      platforms: ['linux/amd64', 'linux/arm64']
    }
    expect(containersPushArgs(list, {}, { ...files, authFile: undefined }, ID)).toEqual([
      {
        tag: 'reg.example/api:k1',
        args: [
          'manifest',
          'push',
          '--all',
          '--digestfile',
          '/w/digest-0',
          'localhost/imagegraph/api:k1',
          'docker://reg.example/api:k1'
        ]
      }
    ])
  })
})

describe('docker argv', () => {
  test('build: one platform, a network, local and remote tags, id file', () => {
    expect(
      dockerBuildArgs(
        { ...base, platforms: ['linux/amd64'] },
        { network: 'none' },
        { iidFile: '/w/iid' }
      )
    ).toEqual([
      'build',
      '--file',
      '/src/api/Dockerfile',
      '--platform',
      'linux/amd64',
      '--network',
      'none',
      ...common,
      '--tag',
      'localhost/imagegraph/api:k1',
      '--tag',
      'reg.example/api:k1',
      '--tag',
      'reg.example/api:v1',
      '--iidfile',
      '/w/iid',
      '/src/api'
    ])
    expect(dockerPushArgs(base).map(p => p.args)).toEqual([
      ['push', 'reg.example/api:k1'],
      ['push', 'reg.example/api:v1']
    ])
  })

  test('the digest of a push comes from its last line', () => {
    expect(
      parseDockerPushDigest(
        `The push refers to repository [r/a]\nk1: digest: ${DIGEST} size: 527\n`
      )
    ).toBe(DIGEST)
    expect(
      parseDockerPushDigest('denied: requested access to the resource is denied')
    ).toBeUndefined()
  })
})

describe('buildx argv (buildx cannot be installed here: data only)', () => {
  const metadata = { metadataFile: '/w/metadata.json' }
  test.each([
    {
      name: 'push on GitHub: gha cache scoped per image and platform, written with ignore-error',
      request: {
        ...base,
        platforms: ['linux/amd64', 'linux/arm64'],
        cache: { gha: true, write: true }
      },
      options: { github: true, builder: 'ci-builder' },
      expected: [
        'buildx',
        'build',
        '--builder',
        'ci-builder',
        '--file',
        '/src/api/Dockerfile',
        '--platform',
        'linux/amd64,linux/arm64',
        ...common,
        '--tag',
        'reg.example/api:k1',
        '--tag',
        'reg.example/api:v1',
        '--metadata-file',
        '/w/metadata.json',
        '--provenance=false',
        '--cache-from',
        'type=gha,scope=api-linux-amd64+linux-arm64',
        '--cache-to',
        'type=gha,scope=api-linux-amd64+linux-arm64,mode=max,ignore-error=true',
        '--push',
        '/src/api'
      ]
    },
    {
      name: 'a pull request: the cache is read, not written; loaded with the local tag',
      request: {
        ...base,
        push: false,
        platforms: ['linux/amd64'],
        cache: { gha: true, write: false }
      },
      options: { github: true, provenance: 'mode=min' },
      expected: [
        'buildx',
        'build',
        '--file',
        '/src/api/Dockerfile',
        '--platform',
        'linux/amd64',
        ...common,
        '--tag',
        'localhost/imagegraph/api:k1',
        '--tag',
        'reg.example/api:k1',
        '--tag',
        'reg.example/api:v1',
        '--metadata-file',
        '/w/metadata.json',
        '--provenance=mode=min',
        '--cache-from',
        'type=gha,scope=api-linux-amd64',
        '--load',
        '/src/api'
      ]
    },
    {
      name: 'off GitHub: a registry cache; an insecure registry pushes through an image output',
      request: {
        ...base,
        registry: { host: 'reg.example', insecure: true },
        cache: { gha: true, registryRef: 'reg.example/cache:api', write: true }
      },
      options: { github: false },
      expected: [
        'buildx',
        'build',
        '--file',
        '/src/api/Dockerfile',
        ...common,
        '--tag',
        'reg.example/api:k1',
        '--tag',
        'reg.example/api:v1',
        '--metadata-file',
        '/w/metadata.json',
        '--provenance=false',
        '--cache-from',
        'type=registry,ref=reg.example/cache:api,registry.insecure=true',
        '--cache-to',
        'type=registry,ref=reg.example/cache:api,registry.insecure=true,mode=max,ignore-error=true',
        '--output',
        'type=image,"name=reg.example/api:k1,reg.example/api:v1",push=true,registry.insecure=true',
        '/src/api'
      ]
    },
    {
      name: 'a docker-container builder without push: OCI layout out, local bases in as build contexts',
      request: {
        ...base,
        push: false,
        tags: [],
        buildArgs: { BASE: 'localhost/imagegraph/base:k0' },
        labels: {},
        localBases: [
          {
            ref: 'localhost/imagegraph/base:k0',
            contexts: { 'localhost/imagegraph/base:k0': `oci-layout:///oci/base/k0@${DIGEST}` }
          }
        ]
      },
      options: { localOutput: 'oci-layout' as const },
      files: { ...metadata, ociLayoutDir: '/oci/api/k1' },
      expected: [
        'buildx',
        'build',
        '--file',
        '/src/api/Dockerfile',
        '--build-arg',
        'BASE=localhost/imagegraph/base:k0',
        '--build-context',
        `localhost/imagegraph/base:k0=oci-layout:///oci/base/k0@${DIGEST}`,
        '--tag',
        'localhost/imagegraph/api:k1',
        '--metadata-file',
        '/w/metadata.json',
        '--provenance=false',
        '--output',
        'type=oci,dest=/oci/api/k1,tar=false',
        '/src/api'
      ]
    }
  ])('$name', ({ request, options, files: f, expected }) => {
    expect(buildxBuildArgs(request, options, f ?? metadata)).toEqual(expected)
  })

  test('one gha scope per image and platform set, so images never evict each other', () => {
    const scopes = [
      ghaScope({ ...base, image: 'api', platforms: ['linux/amd64'] }),
      ghaScope({ ...base, image: 'web', platforms: ['linux/amd64'] }),
      ghaScope({ ...base, image: 'api', platforms: ['linux/arm64'] }),
      ghaScope({ ...base, image: 'api', platforms: [] })
    ]
    expect(scopes).toEqual(['api-linux-amd64', 'web-linux-amd64', 'api-linux-arm64', 'api-default'])
  })

  test('metadata file: the digest pushed and the config digest; a local image per output', () => {
    const json = JSON.stringify({
      'containerimage.digest': DIGEST,
      'containerimage.config.digest': ID
    })
    expect(parseBuildxMetadata(json)).toEqual({ digest: DIGEST, imageId: ID })
    expect(buildxLocalImage(base, {}, metadata, DIGEST)).toEqual({
      ref: 'localhost/imagegraph/api:k1'
    })
    expect(
      buildxLocalImage(
        base,
        { localOutput: 'oci-layout' },
        { ...metadata, ociLayoutDir: '/oci/api/k1' },
        DIGEST
      )
    ).toEqual({
      ref: 'localhost/imagegraph/api:k1',
      contexts: { 'localhost/imagegraph/api:k1': `oci-layout:///oci/api/k1@${DIGEST}` }
    })
  })
})

describe('secrets and names', () => {
  test('no password in any argv: credentials travel in a 0600 auth file', () => {
    const all = [
      containersBuildArgs('buildah', base, storage, files),
      ...containersPushArgs(base, storage, files, ID).map(p => p.args),
      containersBuildArgs('podman', base, {}, files),
      dockerBuildArgs(base, {}, { iidFile: '/w/iid' }),
      ...dockerPushArgs(base).map(p => p.args),
      buildxBuildArgs(base, {}, { metadataFile: '/w/m' })
    ].flat()
    expect(all.join(' ')).not.toContain(PASSWORD)
    expect(all).not.toContain('--creds')

    const dir = tempDir('imagegraph-auth-')
    const file = containersAuthFile(dir, base.registry)!
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const auth = JSON.parse(readFileSync(file, 'utf8')).auths['reg.example'].auth
    expect(Buffer.from(auth, 'base64').toString()).toBe(`ci:${PASSWORD}`)
    expect(containersAuthFile(dir, { host: 'h', authFile: '/mine.json' })).toBe('/mine.json')
    expect(containersAuthFile(dir, { host: 'h' })).toBeUndefined()
  })

  test("docker config: the user's config plus this registry, its credential store dropped, buildx state linked", () => {
    const user = tempDir('imagegraph-dockercfg-')
    writeFileSync(
      path.join(user, 'config.json'),
      JSON.stringify({
        auths: { 'other.example': { auth: 'eA==' } },
        credsStore: 'desktop',
        credHelpers: { 'reg.example': 'ecr-login', 'gcr.io': 'gcloud' }
      })
    )
    mkdirSync(path.join(user, 'buildx'))
    const work = tempDir('imagegraph-work-')
    const dir = dockerConfigDir(work, base.registry, user)!
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))
    expect(Object.keys(config.auths).sort()).toEqual(['other.example', 'reg.example'])
    expect(config.credsStore).toBeUndefined()
    expect(config.credHelpers).toEqual({ 'gcr.io': 'gcloud' })
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600)
    expect(readlinkSync(path.join(dir, 'buildx'))).toBe(path.join(user, 'buildx'))
    expect(dockerConfigDir(work, { host: 'reg.example' }, user)).toBeUndefined()
  })

  test('local tags are valid references that name the image and its key', () => {
    expect(localTag('API Server', 'v2:abc/def')).toBe('localhost/imagegraph/api-server:v2-abc-def')
    expect(localTag('api', 'x'.repeat(200)).split(':')[1]).toHaveLength(128)
  })
})
