// The Bearer token challenge against docker-registry with `auth: token` and a real JWT token service
// (helpers/token-registry.ts): tokens fetched with basic credentials or anonymously, one per scope,
// push scope for a retag, refusals as clear errors.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../src/core/errors.js'
import { openRegistry } from '../src/adapters/registry.js'
import type { HttpRegistry, RegistryOptions } from '../src/adapters/registry.js'
import { closeApi, pushImage } from './helpers/oci.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'
import { TokenRegistry } from './helpers/token-registry.js'

let server: TokenRegistry
let privateDigest: string
let publicDigest: string

beforeAll(async () => {
  server = await TokenRegistry.start({ bob: 'builder pw' }, { 'refresh-for-carol': 'carol' })
  privateDigest = (await pushImage(server, 'team/api', 'v1', { labels: { who: 'private' } })).digest
  publicDigest = (await pushImage(server, 'public/base', 'v1')).digest
})

afterAll(async () => {
  if (server) {
    closeApi(server)
    await server.stop()
  }
  removeTempDirs()
})

async function withClient<T>(
  options: Partial<RegistryOptions>,
  body: (r: HttpRegistry) => Promise<T>
) {
  const client = openRegistry({
    host: server.host,
    insecure: true,
    env: { PATH: process.env.PATH, HOME: tempDir() },
    ...options
  })
  try {
    return await body(client)
  } finally {
    client.close()
  }
}

beforeEach(() => server.requests.splice(0))

test('with credentials: a token per scope, fetched once, and push scope for a retag', async () => {
  const masked: string[] = []
  await withClient(
    { username: 'bob', password: 'builder pw', mask: s => masked.push(s) },
    async r => {
      const manifest = (await r.getManifest('team/api', 'v1'))!
      expect(manifest.digest).toBe(privateDigest)
      expect(await r.isUsable('team/api', 'v1')).toBe(true)
      expect(await r.labels('team/api', 'v1')).toEqual({ who: 'private' })
      expect(await r.putManifest('team/api', 'release', manifest)).toBe(privateDigest)
      expect(await r.usableMany([{ repository: 'team/api', tag: 'release' }])).toEqual([
        { usable: true, manifest }
      ])
    }
  )
  expect(server.requests).toEqual([
    { account: 'bob', authenticated: true, scopes: ['repository:team/api:pull'] },
    { account: 'bob', authenticated: true, scopes: ['repository:team/api:pull,push'] }
  ])
  expect(masked).toContain('builder pw')
  expect(masked.length).toBeGreaterThanOrEqual(3)
})

test('concurrent checks of many repositories share one token request per repository', async () => {
  const images = await Promise.all(
    ['a', 'b', 'c'].map(name => pushImage(server, `fleet/${name}`, 'k1', { labels: { name } }))
  )
  await withClient({ username: 'bob', password: 'builder pw' }, async r => {
    const wanted = ['a', 'b', 'c'].flatMap(name =>
      Array.from({ length: 10 }, () => ({ repository: `fleet/${name}`, tag: 'k1' }))
    )
    const results = await r.usableMany(wanted)
    expect(results.map(u => u.usable && u.manifest.digest)).toEqual(
      images.flatMap(i => Array(10).fill(i.digest))
    )
  })
  expect(server.requests.map(q => q.scopes[0]).sort()).toEqual([
    'repository:fleet/a:pull',
    'repository:fleet/b:pull',
    'repository:fleet/c:pull'
  ])
})

test('anonymous: a token without credentials reads a public repository', async () => {
  await withClient({}, async r => {
    expect((await r.headManifest('public/base', 'v1'))?.digest).toBe(publicDigest)
  })
  expect(server.requests).toEqual([
    { account: undefined, authenticated: false, scopes: ['repository:public/base:pull'] }
  ])
})

test('anonymous on a private repository: the registry refuses the token, one clear error', async () => {
  const e = await withClient({}, r => r.getManifest('team/api', 'v1').catch((x: Error) => x))
  expect(e).toBeInstanceOf(UserError)
  expect((e as Error).message).toBe(
    `registry ${server.host}: requires credentials (401) and none were found; log in (docker login, docker/login-action) or pass registry-username and registry-password`
  )
})

test('an identity token from the docker config is exchanged by an OAuth2 POST', async () => {
  const dir = tempDir()
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ auths: { [server.host]: { identitytoken: 'refresh-for-carol' } } })
  )
  await withClient({ env: { DOCKER_CONFIG: dir, PATH: process.env.PATH } }, async r => {
    expect((await r.getManifest('team/api', 'v1'))?.digest).toBe(privateDigest)
  })
  expect(server.requests).toEqual([
    {
      account: 'carol',
      authenticated: true,
      scopes: ['repository:team/api:pull'],
      grant: 'refresh_token'
    }
  ])
})

test('a wrong password at the token service is one clear error', async () => {
  const e = await withClient({ username: 'bob', password: 'wrong' }, r =>
    r.getManifest('team/api', 'v1').catch((x: Error) => x)
  )
  expect(e).toBeInstanceOf(UserError)
  expect((e as Error).message).toMatch(
    new RegExp(
      `^registry ${server.host}: the credentials for user 'bob' were rejected \\(the token service http://127.0.0.1:\\d+ answered 401\\); check the username and password`
    )
  )
})
