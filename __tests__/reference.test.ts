// Image references, tags, repository names and digests, as the distribution spec has them.
import {
  assertManifestReference,
  digestProblem,
  formatReference,
  parseReference,
  registryProblem,
  repositoryProblem,
  tagProblem
} from '../src/core/reference.js'
import type { ImageReference } from '../src/core/reference.js'
import { UserError } from '../src/core/errors.js'

const D = 'sha256:' + 'a'.repeat(64)

describe('parseReference and formatReference', () => {
  test.each<[string, ImageReference]>([
    ['api', { repository: 'api' }],
    ['team/api', { repository: 'team/api' }],
    ['team/api:v1.2.3', { repository: 'team/api', tag: 'v1.2.3' }],
    ['127.0.0.1:5000/api', { registry: '127.0.0.1:5000', repository: 'api' }],
    ['127.0.0.1:5000/a/b:latest', { registry: '127.0.0.1:5000', repository: 'a/b', tag: 'latest' }],
    ['localhost/api', { registry: 'localhost', repository: 'api' }],
    ['ghcr.io/org/api@' + D, { registry: 'ghcr.io', repository: 'org/api', digest: D }],
    [
      'ghcr.io/org/api:v1@' + D,
      { registry: 'ghcr.io', repository: 'org/api', tag: 'v1', digest: D }
    ],
    ['localhost:5000/x:_t', { registry: 'localhost:5000', repository: 'x', tag: '_t' }],
    ['[::1]:5000/x', { registry: '[::1]:5000', repository: 'x' }],
    ['a__b/c-d--e/f.g', { repository: 'a__b/c-d--e/f.g' }]
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected)
    expect(formatReference(expected)).toBe(text)
  })

  test.each([
    ['', 'is empty'],
    [' api', 'surrounding spaces'],
    ['Team/api', "uppercase letters in 'Team'"],
    ['ghcr.io/Org/api', "uppercase letters in 'Org'"],
    ['api:', 'tag is empty'],
    ['api:-x', "starts with '-'"],
    ['api:v1+x', 'contains "+"'],
    ['api@sha256:abc', 'a sha256 digest is 64 lowercase hex digits'],
    ['api@md5:' + 'a'.repeat(32), "uses algorithm 'md5'"],
    ['api@' + 'a'.repeat(64), 'has no algorithm'],
    ['a//b', 'empty path component'],
    ['team/api/', 'empty path component'],
    ['a..b', "misplaced separator in 'a..b'"],
    ['a-/b', "misplaced separator in 'a-'"],
    ['host:99999/api', 'port 99999'],
    ['my_host.example/api', "'my_host.example' is not a host name"],
    ['x/' + 'a'.repeat(260), 'at most 255']
  ])('%j is rejected: %s', (text, message) => {
    let error: unknown
    try {
      parseReference(text, '--from')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toContain(`--from '${text}': `)
    expect((error as Error).message).toContain(message)
  })
})

describe('tags', () => {
  test.each(['a', '_', 'v1.2.3', 'A-b_c.d', '0', 'x'.repeat(128), 'latest', 'sha-0123abc'])(
    '%s is a tag',
    tag => expect(tagProblem(tag)).toBeUndefined()
  )
  test.each([
    ['', 'empty'],
    ['.a', "starts with '.'"],
    ['-a', "starts with '-'"],
    ['x'.repeat(129), '129 characters long; at most 128'],
    ['feature/x', 'contains "/"'],
    ['a b', 'contains " "'],
    ['é', 'contains "é"']
  ])('%j is not a tag: %s', (tag, message) => expect(tagProblem(tag)).toContain(message))
})

describe('repository names, digests, registries', () => {
  test.each(['a', 'a/b/c', 'a.b', 'a_b', 'a__b', 'a---b', '0/1'])('%s is a repository', name =>
    expect(repositoryProblem(name)).toBeUndefined()
  )
  test.each([
    ['', 'empty'],
    ['a___b', 'misplaced separator'],
    ['_a', 'misplaced separator'],
    ['a/', 'empty path component'],
    ['a:b', 'contains ":"']
  ])('%j is not a repository: %s', (name, message) =>
    expect(repositoryProblem(name)).toContain(message)
  )
  test('digests', () => {
    expect(digestProblem(D)).toBeUndefined()
    expect(digestProblem('sha512:' + 'f'.repeat(128))).toBeUndefined()
    expect(digestProblem('sha256:' + 'A'.repeat(64))).toContain('lowercase hex')
  })
  test('registries', () => {
    expect(registryProblem('registry.example.com')).toBeUndefined()
    expect(registryProblem('127.0.0.1:5000')).toBeUndefined()
    expect(registryProblem('https://x')).toContain('not host[:port]')
    expect(registryProblem('x:0')).toContain('port 0')
  })
  test('a manifest reference is a tag or a digest', () => {
    expect(() => assertManifestReference(D)).not.toThrow()
    expect(() => assertManifestReference('v1')).not.toThrow()
    expect(() => assertManifestReference('sha256:zz', '--from')).toThrow(
      "--from: digest 'sha256:zz': a sha256 digest is 64 lowercase hex digits"
    )
  })
})
