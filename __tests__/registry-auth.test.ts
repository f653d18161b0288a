// The registry client's auth and TLS against docker-registry with htpasswd (basic auth), plain and
// over TLS with a self-signed CA: credentials given or from the docker config, wrong ones, CA given,
// CA missing, the wrong protocol.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../src/core/errors.js'
import { openRegistry } from '../src/adapters/registry.js'
import type { RegistryOptions } from '../src/adapters/registry.js'
import { closeApi, pushImage } from './helpers/oci.js'
import { RegistryServer } from './helpers/registry-server.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

const auth = { username: 'alice', password: 'wonder land' }
let basic: RegistryServer
let secure: RegistryServer
let basicDigest: string
let secureDigest: string

beforeAll(async () => {
  ;[basic, secure] = await Promise.all([
    RegistryServer.start({ auth }),
    RegistryServer.start({ auth, tls: true })
  ])
  basicDigest = (await pushImage(basic, 'team/api', 'v1', { labels: { who: 'basic' } })).digest
  secureDigest = (await pushImage(secure, 'team/api', 'v1', { labels: { who: 'tls' } })).digest
})

afterAll(async () => {
  for (const s of [basic, secure]) {
    if (!s) continue
    closeApi(s)
    await s.stop()
  }
  removeTempDirs()
})

/** Runs `body` with a client that is closed afterwards. */
async function withClient<T>(
  options: RegistryOptions,
  body: (r: ReturnType<typeof openRegistry>) => Promise<T>
) {
  const client = openRegistry({ env: { PATH: process.env.PATH, HOME: tempDir() }, ...options })
  try {
    return await body(client)
  } finally {
    client.close()
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const e = await promise.then(
    () => undefined,
    (err: Error) => err
  )
  if (!e) throw new Error('expected a failure')
  return e
}

describe('basic auth (htpasswd)', () => {
  test('explicit credentials: read, retag, list', async () => {
    const masked: string[] = []
    await withClient(
      { host: basic.host, insecure: true, ...auth, mask: s => masked.push(s) },
      async r => {
        const m = (await r.getManifest('team/api', 'v1'))!
        expect(m.digest).toBe(basicDigest)
        expect(await r.putManifest('team/api', 'stable', m)).toBe(basicDigest)
        expect((await r.listTags('team/api')).sort()).toEqual(['stable', 'v1'])
        expect(await r.labels('team/api', 'stable')).toEqual({ who: 'basic' })
        expect(await r.isUsable('team/api', 'stable')).toBe(true)
      }
    )
    expect(masked).toContain(auth.password)
  })

  test('credentials from the docker config (auths entry)', async () => {
    const dir = tempDir()
    const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString('base64')
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [`http://${basic.host}`]: { auth: encoded } } })
    )
    await withClient(
      { host: basic.host, insecure: true, env: { DOCKER_CONFIG: dir, PATH: process.env.PATH } },
      async r => expect((await r.headManifest('team/api', 'v1'))?.digest).toBe(basicDigest)
    )
  })

  test('a wrong password is one clear UserError', async () => {
    const e = await withClient(
      { host: basic.host, insecure: true, username: 'alice', password: 'nope' },
      r => failure(r.getManifest('team/api', 'v1'))
    )
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe(
      `registry ${basic.host}: the credentials for user 'alice' were rejected (401); check the username and password (registry-username / registry-password, or docker login)`
    )
  })

  test('no credentials at all is one clear UserError', async () => {
    const e = await withClient({ host: basic.host, insecure: true }, r =>
      failure(r.isUsable('team/api', 'v1'))
    )
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe(
      `registry ${basic.host}: requires credentials (401) and none were found; log in (docker login, docker/login-action) or pass registry-username and registry-password`
    )
  })
})

describe('TLS', () => {
  test('with its CA given as a file: verified and usable', async () => {
    await withClient({ host: secure.host, caFile: secure.caFile, ...auth }, async r => {
      expect((await r.getManifest('team/api', 'v1'))?.digest).toBe(secureDigest)
      expect(await r.labels('team/api', 'v1')).toEqual({ who: 'tls' })
    })
  })

  test('with its CA in NODE_EXTRA_CA_CERTS', async () => {
    await withClient(
      { host: secure.host, ...auth, env: { NODE_EXTRA_CA_CERTS: secure.caFile } },
      async r => expect(await r.isUsable('team/api', 'v1')).toBe(true)
    )
  })

  test('without its CA: one clear UserError naming the registry and the fix', async () => {
    const e = await withClient({ host: secure.host, ...auth }, r =>
      failure(r.getManifest('team/api', 'v1'))
    )
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe(
      `registry ${secure.host}: the TLS certificate is not trusted (self-signed certificate); add its CA to NODE_EXTRA_CA_CERTS or the system store, or name the registry insecure if it speaks plain HTTP`
    )
  })

  test('a certificate for another host name: a clear UserError', async () => {
    // The certificate names IP:127.0.0.1 only; "localhost" resolves there but is not named.
    const host = `localhost:${secure.port}`
    const e = await withClient({ host, caFile: secure.caFile, ...auth }, r =>
      failure(r.getManifest('team/api', 'v1'))
    )
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toMatch(
      new RegExp(
        `^registry ${host}: the TLS certificate does not name this host \\(.+\\); use the name`
      )
    )
  })

  test('an HTTPS registry named insecure: a clear UserError', async () => {
    const e = await withClient({ host: secure.host, insecure: true, ...auth }, r =>
      failure(r.getManifest('team/api', 'v1'))
    )
    expect(e).toBeInstanceOf(UserError)
    expect(e.message).toBe(
      `registry ${secure.host}: speaks HTTPS, but was named insecure (plain HTTP); drop the insecure setting`
    )
  })

  test('an unreadable CA file: a clear UserError', async () => {
    expect(() => openRegistry({ host: secure.host, caFile: '/nonexistent/ca.crt' })).toThrow(
      'the registry CA file /nonexistent/ca.crt cannot be read (ENOENT)'
    )
  })
})
