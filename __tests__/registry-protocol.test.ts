// The registry client's pure pieces: WWW-Authenticate challenges and Retry-After values.
import { parseChallenge } from '../src/adapters/registry-auth.js'
import { retryAfterMs } from '../src/adapters/registry-http.js'

describe('parseChallenge', () => {
  test.each([
    [
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example/token',
          service: 'registry.example',
          scope: 'repository:a/b:pull,push'
        }
      }
    ],
    ['Basic realm="imagegraph-test"', { scheme: 'basic', params: { realm: 'imagegraph-test' } }],
    [
      'Bearer realm=https://x/t, service=x',
      { scheme: 'bearer', params: { realm: 'https://x/t', service: 'x' } }
    ],
    [
      'Bearer realm="a \\"quoted\\" realm"',
      { scheme: 'bearer', params: { realm: 'a "quoted" realm' } }
    ]
  ])('%s', (header, expected) => expect(parseChallenge(header)).toEqual(expected))

  test('nothing to read', () => expect(parseChallenge('')).toBeUndefined())
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  test.each<[string | undefined, number | undefined]>([
    ['3', 3000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:02 GMT', 2000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined]
  ])('%j -> %j', (value, ms) => expect(retryAfterMs(value, now)).toBe(ms))
})
