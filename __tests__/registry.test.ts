// The registry client against Debian's docker-registry (plain HTTP here; auth and TLS in
// registry-auth.test.ts): manifests as exact bytes, retags that keep the digest, usability down to
// the blobs, indexes, labels, tag pages, retries through a flaky proxy, many tags at once.
import { execFileSync } from 'node:child_process'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { UserError } from '../src/core/errors.js'
import { HttpRegistry, nextLink, openRegistry } from '../src/adapters/registry.js'
import {
  OCI_INDEX,
  OCI_MANIFEST,
  closeApi,
  deleteBlob,
  deleteManifest,
  pushImage,
  pushIndex,
  sha256
} from './helpers/oci.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs } from './helpers/repo.js'

let server: RegistryServer
let registry: HttpRegistry

beforeAll(async () => {
  server = await RegistryServer.start()
  registry = openRegistry({ host: server.host, insecure: true })
})

afterAll(async () => {
  registry?.close()
  if (server) {
    closeApi(server)
    await server.stop()
  }
  removeTempDirs()
})

function skopeoRaw(reference: string): Buffer {
  return execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`])
}

describe('manifests', () => {
  test('get by tag and by digest gives the exact bytes, their digest and media type', async () => {
    const image = await pushImage(server, 'app/get', 'v1', { labels: { a: '1' } })
    const byTag = await registry.getManifest('app/get', 'v1')
    expect(byTag).toEqual({ bytes: image.manifest, mediaType: OCI_MANIFEST, digest: image.digest })
    const byDigest = await registry.getManifest('app/get', image.digest)
    expect(byDigest?.bytes.equals(image.manifest)).toBe(true)
    expect(await registry.headManifest('app/get', 'v1')).toEqual({
      digest: image.digest,
      mediaType: OCI_MANIFEST,
      size: image.manifest.length
    })
  })

  test('a missing tag, digest or repository is undefined, not an error', async () => {
    await pushImage(server, 'app/missing', 'v1')
    expect(await registry.getManifest('app/missing', 'nope')).toBeUndefined()
    expect(await registry.headManifest('app/missing', 'nope')).toBeUndefined()
    expect(await registry.getManifest('app/missing', sha256(Buffer.from('x')))).toBeUndefined()
    expect(await registry.headManifest('no/such/repo', 'v1')).toBeUndefined()
  })

  test('a retag puts the same bytes under a new tag: the digest stays, as skopeo sees it', async () => {
    const image = await pushImage(server, 'app/retag', 'build-1', { labels: { x: 'y' } })
    const manifest = (await registry.getManifest('app/retag', 'build-1'))!
    // Re-serialised JSON would hash differently: the bytes must travel untouched.
    const digest = await registry.putManifest('app/retag', 'production', manifest)
    expect(digest).toBe(image.digest)
    const raw = skopeoRaw(`${server.host}/app/retag:production`)
    expect(raw.equals(image.manifest)).toBe(true)
    expect(sha256(raw)).toBe(image.digest)
    expect((await registry.headManifest('app/retag', 'production'))?.digest).toBe(image.digest)
  })

  test('a retag of an index keeps its digest too', async () => {
    const index = await pushIndex(server, 'app/retag-index', 'build-1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' }
    ])
    const manifest = (await registry.getManifest('app/retag-index', 'build-1'))!
    expect(manifest.mediaType).toBe(OCI_INDEX)
    expect(await registry.putManifest('app/retag-index', 'v2', manifest)).toBe(index.digest)
    expect(sha256(skopeoRaw(`${server.host}/app/retag-index:v2`))).toBe(index.digest)
  })

  test('bad names are refused before any request', async () => {
    await expect(registry.getManifest('App', 'v1')).rejects.toThrow(
      "repository: repository 'App' has uppercase letters in 'App'"
    )
    await expect(
      registry.putManifest('app', 'feature/x', {
        bytes: Buffer.from('{}'),
        mediaType: OCI_MANIFEST
      })
    ).rejects.toThrow('contains "/"')
  })
})

describe('usability', () => {
  test('a pushed image is usable and carries its manifest', async () => {
    const image = await pushImage(server, 'use/ok', 'k1')
    const u = await registry.usability('use/ok', 'k1')
    expect(u.usable).toBe(true)
    expect(u.usable && u.manifest.digest).toBe(image.digest)
    expect(await registry.isUsable('use/ok', 'k1')).toBe(true)
  })

  test('a missing tag is not usable', async () => {
    await pushImage(server, 'use/ok2', 'k1')
    expect(await registry.usability('use/ok2', 'k2')).toEqual({
      usable: false,
      reason: { kind: 'manifest-missing', reference: 'k2' }
    })
  })

  test('a tag whose layer blob was deleted is not usable, though its manifest answers', async () => {
    const image = await pushImage(server, 'use/gone', 'k1', { layers: ['only here\n'] })
    await deleteBlob(server, 'use/gone', image.layers[0])
    expect(await registry.headManifest('use/gone', 'k1')).toBeDefined()
    expect(await registry.usability('use/gone', 'k1')).toEqual({
      usable: false,
      reason: { kind: 'blob-missing', digest: image.layers[0], manifest: image.digest }
    })
  })

  test('a tag whose config blob was deleted is not usable', async () => {
    const image = await pushImage(server, 'use/noconfig', 'k1', { labels: { unique: 'c' } })
    await deleteBlob(server, 'use/noconfig', image.config)
    expect(await registry.isUsable('use/noconfig', 'k1')).toBe(false)
  })

  test('an index is usable when every platform image and blob answers', async () => {
    const index = await pushIndex(server, 'use/index', 'k1', [
      { os: 'linux', architecture: 'amd64', labels: { p: 'amd64' } },
      { os: 'linux', architecture: 'arm64', labels: { p: 'arm64' } }
    ])
    expect(await registry.isUsable('use/index', 'k1')).toBe(true)
    await deleteBlob(server, 'use/index', index.images[1].layers[0])
    expect(await registry.usability('use/index', 'k1')).toEqual({
      usable: false,
      reason: {
        kind: 'blob-missing',
        digest: index.images[1].layers[0],
        manifest: index.images[1].digest
      }
    })
  })

  test('an index whose platform manifest was deleted is not usable', async () => {
    const index = await pushIndex(server, 'use/index2', 'k1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' }
    ])
    await deleteManifest(server, 'use/index2', index.images[0].digest)
    expect(await registry.usability('use/index2', 'k1')).toEqual({
      usable: false,
      reason: { kind: 'platform-manifest-missing', digest: index.images[0].digest }
    })
  })

  test('300 tags checked at once: each answer in its place', async () => {
    const count = 300
    const images = []
    for (let i = 0; i < count; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, count - i) }, (_, j) =>
          pushImage(server, `many/img${(i + j) % 7}`, `key-${i + j}`, {
            labels: { n: String(i + j) },
            layers: ['a shared base layer\n', `own layer ${i + j}\n`]
          })
        )
      )
      images.push(...batch)
    }
    // Break three: a deleted own layer, a deleted config, a tag never pushed.
    await deleteBlob(server, `many/img${17 % 7}`, images[17].layers[1])
    await deleteBlob(server, `many/img${123 % 7}`, images[123].config)
    const wanted = images.map((_, i) => ({ repository: `many/img${i % 7}`, tag: `key-${i}` }))
    wanted.push({ repository: 'many/img0', tag: 'key-never' })
    const results = await registry.usableMany(wanted, { concurrency: 32 })
    expect(results).toHaveLength(count + 1)
    const unusable = results.flatMap((r, i) => (r.usable ? [] : [i]))
    expect(unusable).toEqual([17, 123, count])
    const first = results[0]
    expect(first.usable && first.manifest.digest).toBe(images[0].digest)
    expect(results[200].usable && results[200].manifest.digest).toBe(images[200].digest)
  })
})

describe('labels and tags', () => {
  test("labels are read from the image's config", async () => {
    await pushImage(server, 'lab/one', 'v1', {
      labels: { 'org.opencontainers.image.revision': 'abc123', 'imagegraph.key': 'k' }
    })
    expect(await registry.labels('lab/one', 'v1')).toEqual({
      'org.opencontainers.image.revision': 'abc123',
      'imagegraph.key': 'k'
    })
    expect(await registry.labels('lab/one', 'nope')).toBeUndefined()
  })

  test('for an index: the first platform, or the one asked for', async () => {
    await pushIndex(server, 'lab/index', 'v1', [
      { os: 'linux', architecture: 'amd64', labels: { p: 'amd64' } },
      { os: 'linux', architecture: 'arm64', labels: { p: 'arm64' } }
    ])
    expect(await registry.labels('lab/index', 'v1')).toEqual({ p: 'amd64' })
    expect(await registry.labels('lab/index', 'v1', 'linux/arm64')).toEqual({ p: 'arm64' })
    await expect(registry.labels('lab/index', 'v1', 'linux/s390x')).rejects.toThrow(
      'has no image for platform linux/s390x (it has: linux/amd64, linux/arm64)'
    )
  })

  test('the tag list follows the Link header through every page', async () => {
    const tags = ['a', 'b', 'c', 'd', 'e']
    const image = await pushImage(server, 'tags/paged', tags[0])
    const manifest = (await registry.getManifest('tags/paged', 'a'))!
    for (const t of tags.slice(1)) await registry.putManifest('tags/paged', t, manifest)
    expect(manifest.digest).toBe(image.digest)
    expect((await registry.listTags('tags/paged', { pageSize: 2 })).sort()).toEqual(tags)
    expect((await registry.listTags('tags/paged')).sort()).toEqual(tags)
    expect(await registry.listTags('tags/none')).toEqual([])
  })

  test('Link headers', () => {
    expect(nextLink('</v2/x/tags/list?last=b&n=2>; rel="next"')).toBe('/v2/x/tags/list?last=b&n=2')
    expect(nextLink('<https://a/prev>; rel="prev", <https://a/next>; rel=next')).toBe(
      'https://a/next'
    )
    expect(nextLink(undefined)).toBeUndefined()
  })
})

/** A proxy in front of the registry that fails the first `failures` requests in the given way. */
async function flakyProxy(failures: ('500' | '429' | 'reset')[]): Promise<{
  host: string
  seen: () => number
  connections: () => number
  close: () => Promise<void>
}> {
  let count = 0
  let connections = 0
  const proxy = http.createServer((req, res) => {
    const failure = failures[count++]
    if (failure === 'reset') return req.socket.destroy()
    if (failure === '500') {
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      return res.end('boom')
    }
    if (failure === '429') {
      res.writeHead(429, { 'Retry-After': '0' })
      return res.end()
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: req.url,
        method: req.method,
        headers: req.headers
      },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  proxy.on('connection', () => connections++)
  await new Promise<void>(r => proxy.listen(0, '127.0.0.1', () => r()))
  const port = (proxy.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    seen: () => count,
    connections: () => connections,
    close: () => {
      proxy.closeAllConnections()
      return new Promise(r => proxy.close(() => r()))
    }
  }
}

describe('transient failures', () => {
  test('500, 429 and a reset connection are retried until the registry answers', async () => {
    const image = await pushImage(server, 'flaky/app', 'v1')
    const proxy = await flakyProxy(['500', '429', 'reset'])
    const debug: string[] = []
    const client = openRegistry({
      host: proxy.host,
      insecure: true,
      retry: { baseDelayMs: 5 },
      debug: m => debug.push(m)
    })
    try {
      expect((await client.getManifest('flaky/app', 'v1'))?.digest).toBe(image.digest)
      expect(proxy.seen()).toBe(4)
      expect(debug).toHaveLength(3)
      expect(debug[0]).toContain(': 500; retry 1/3')
    } finally {
      client.close()
      await proxy.close()
    }
  })

  test('a registry failing on every try is one clear error after the last attempt', async () => {
    const proxy = await flakyProxy(['500', '500', '500', '500', '500'])
    const client = openRegistry({ host: proxy.host, insecure: true, retry: { baseDelayMs: 5 } })
    try {
      const error = await client.getManifest('flaky/app', 'v1').catch(e => e)
      expect(error).toBeInstanceOf(UserError)
      expect(error.message).toBe(
        `registry ${proxy.host}: manifest flaky/app:v1: answered 500 boom; the registry is failing, try again later`
      )
      expect(proxy.seen()).toBe(4)
    } finally {
      client.close()
      await proxy.close()
    }
  })
})

describe('many tags', () => {
  test('are checked over a few kept-alive connections, not one per request', async () => {
    const images = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        pushImage(server, 'alive/app', `k${i}`, { labels: { i: `${i}` } })
      )
    )
    const proxy = await flakyProxy([])
    const client = openRegistry({ host: proxy.host, insecure: true, concurrency: 4 })
    try {
      const results = await client.usableMany(
        images.map((_, i) => ({ repository: 'alive/app', tag: `k${i}` }))
      )
      expect(results.every(r => r.usable)).toBe(true)
      // A manifest and a config per image, and their one shared layer asked about once.
      expect(proxy.seen()).toBe(81)
      expect(proxy.connections()).toBeLessThanOrEqual(4)
    } finally {
      client.close()
      await proxy.close()
    }
  })
})

describe('the wrong protocol', () => {
  test('a plain-HTTP registry not named insecure is a clear error', async () => {
    const client = openRegistry({ host: server.host })
    try {
      const error = await client.getManifest('app/get', 'v1').catch(e => e)
      expect(error).toBeInstanceOf(UserError)
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${server.host}: does not speak TLS \\(.*\\); if it speaks plain HTTP, name it insecure`
        )
      )
    } finally {
      client.close()
    }
  })

  test('nothing listening is a clear error', async () => {
    const client = openRegistry({ host: '127.0.0.1:1', insecure: true })
    const error = await client.getManifest('a', 'v1').catch(e => e)
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain('registry 127.0.0.1:1: cannot connect (ECONNREFUSED)')
    client.close()
  })
})
