// Reading credentials as docker login and docker/login-action leave them: the config file's auths,
// and credential helpers run as real executables speaking the helper protocol.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../src/core/errors.js'
import {
  authEntryFor,
  dockerCredentials,
  helperFor,
  parseDockerConfig,
  parseHelperAnswer,
  registryHostOf
} from '../src/adapters/docker-config.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('parseDockerConfig', () => {
  const config = parseDockerConfig(
    JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hub:pw:with:colons') },
        'ghcr.io': { username: 'octo', password: 'tok' },
        'http://127.0.0.1:5000/v2/': { auth: b64('local:pw') },
        'id.example.com': { identitytoken: 'refresh-me' },
        'empty.example.com': {}
      },
      credHelpers: { 'https://gcr.io': 'gcloud', 'ecr.example.com': 'ecr-login' },
      credsStore: 'desktop'
    }),
    'config.json'
  )

  test.each([
    ['docker.io', { username: 'hub', password: 'pw:with:colons' }],
    ['ghcr.io', { username: 'octo', password: 'tok' }],
    ['GHCR.io', { username: 'octo', password: 'tok' }],
    ['127.0.0.1:5000', { username: 'local', password: 'pw' }],
    ['id.example.com', { identityToken: 'refresh-me' }]
  ])('auths entry for %s', (host, expected) => {
    const { serverAddress: _, ...credentials } = authEntryFor(config, host)!
    expect(credentials).toEqual(expected)
  })

  test('no entry for another registry or port', () => {
    expect(authEntryFor(config, '127.0.0.1:5001')).toBeUndefined()
  })

  test('helpers: per registry first, then the store', () => {
    expect(helperFor(config, 'gcr.io')).toBe('gcloud')
    expect(helperFor(config, 'ecr.example.com')).toBe('ecr-login')
    expect(helperFor(config, 'ghcr.io')).toBe('desktop')
  })

  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['http://Example.com:5000/v2/', 'example.com:5000'],
    ['example.com', 'example.com']
  ])('registryHostOf(%s) = %s', (address, host) => expect(registryHostOf(address)).toBe(host))

  test.each([
    ['{', 'config.json: not valid JSON'],
    ['[]', 'config.json: expected a JSON object'],
    ['{"auths": {"x": {"auth": "' + b64('nocolon') + '"}}}', 'auths["x"].auth is not base64 of']
  ])('%s is a clear error', (text, message) => {
    expect(() => parseDockerConfig(text, 'config.json')).toThrow(UserError)
    expect(() => parseDockerConfig(text, 'config.json')).toThrow(message)
  })

  test('helper answers', () => {
    expect(parseHelperAnswer('{"ServerURL":"x","Username":"u","Secret":"s"}', 'h')).toEqual({
      username: 'u',
      password: 's'
    })
    expect(parseHelperAnswer('{"Username":"<token>","Secret":"rt"}', 'h')).toEqual({
      identityToken: 'rt'
    })
  })
})

describe('dockerCredentials', () => {
  /** A DOCKER_CONFIG dir and a bin dir with a real helper that logs its stdin. */
  function setup(config: object, helperScript?: string) {
    const dir = tempDir('imagegraph-docker-config-')
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config))
    const bin = path.join(dir, 'bin')
    mkdirSync(bin)
    if (helperScript) {
      const file = path.join(bin, 'docker-credential-imgtest')
      writeFileSync(file, `#!/bin/sh\n${helperScript}\n`)
      chmodSync(file, 0o755)
    }
    const env = { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}`, HOME: dir }
    return { dir, env }
  }

  test('no config file: anonymous', async () => {
    const dir = tempDir()
    expect(await dockerCredentials('ghcr.io', { DOCKER_CONFIG: dir })).toBeUndefined()
  })

  test('auths entry', async () => {
    const { env } = setup({ auths: { 'reg.example:5000': { auth: b64('u:p') } } })
    expect(await dockerCredentials('reg.example:5000', env)).toEqual({
      username: 'u',
      password: 'p'
    })
    expect(await dockerCredentials('other.example', env)).toBeUndefined()
  })

  test('a credential helper gets the server address on stdin (with "get" as its one argument)', async () => {
    const { dir, env } = setup(
      { auths: { 'https://reg.example:5000': {} }, credHelpers: { 'reg.example:5000': 'imgtest' } },
      `cat > "$(dirname "$0")/../stdin"; echo "$@" > "$(dirname "$0")/../args"
echo '{"ServerURL":"reg.example:5000","Username":"helped","Secret":"s3cret"}'`
    )
    expect(await dockerCredentials('reg.example:5000', env)).toEqual({
      username: 'helped',
      password: 's3cret'
    })
    expect(readFileSync(path.join(dir, 'stdin'), 'utf8')).toBe('https://reg.example:5000')
    expect(readFileSync(path.join(dir, 'args'), 'utf8')).toBe('get\n')
  })

  test('a helper with nothing stored falls back to the auths entry', async () => {
    const { env } = setup(
      { auths: { 'reg.example': { auth: b64('file:pw') } }, credsStore: 'imgtest' },
      'echo "credentials not found in native keychain"; exit 1'
    )
    expect(await dockerCredentials('reg.example', env)).toEqual({
      username: 'file',
      password: 'pw'
    })
  })

  test('a failing or missing helper is a clear error', async () => {
    const failing = setup({ credsStore: 'imgtest' }, 'echo "keychain locked" >&2; exit 3')
    await expect(dockerCredentials('reg.example', failing.env)).rejects.toThrow(
      'docker-credential-imgtest get failed for reg.example (exit 3): keychain locked'
    )
    const missing = setup({ credsStore: 'imgtest' })
    await expect(dockerCredentials('reg.example', missing.env)).rejects.toThrow(
      "the docker config names credential helper 'imgtest', but docker-credential-imgtest cannot be run (ENOENT)"
    )
  })
})
