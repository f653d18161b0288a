// Tag templates (core/tags.ts): parsing, floating, rendering, branch names, versions from git tags,
// and which templates an image gets. Table-driven: each row is one case.
import {
  isFloating,
  parseTagTemplate,
  renderTag,
  sanitizeBranch,
  tagPatternProblem,
  templatesFor,
  versionFromRef
} from '../src/core/tags.js'
import type { TagValues } from '../src/core/tags.js'

describe('parseTagTemplate', () => {
  test.each([
    ['latest', [{ text: 'latest' }]],
    ['{{version}}', [{ field: 'version' }]],
    [
      'v{{major}}.{{minor}}',
      [{ text: 'v' }, { field: 'major' }, { text: '.' }, { field: 'minor' }]
    ],
    ['{{ short_sha }}', [{ field: 'short_sha' }]],
    ['pr-{{pr}}-{{seq}}', [{ text: 'pr-' }, { field: 'pr' }, { text: '-' }, { field: 'seq' }]],
    ['{{image}}_{{key}}', [{ field: 'image' }, { text: '_' }, { field: 'key' }]]
  ])('%s parses', (text, parts) => {
    expect(parseTagTemplate(text)).toEqual({ parts })
  })

  test.each([
    ['', { kind: 'empty' }],
    ['{{verison}}', { kind: 'unknown-field', field: 'verison', suggestion: 'version' }],
    ['{{shortsha}}', { kind: 'unknown-field', field: 'shortsha', suggestion: 'short_sha' }],
    ['{{nothing_like_it}}', { kind: 'unknown-field', field: 'nothing_like_it' }],
    ['{{}}', { kind: 'malformed', at: 0 }],
    ['v{{version}', { kind: 'malformed', at: 1 }],
    ['{version}', { kind: 'malformed', at: 0 }],
    ['x}}', { kind: 'malformed', at: 1 }],
    ['{{ver sion}}', { kind: 'malformed', at: 0 }],
    ['a/b', { kind: 'bad-character', character: '/' }],
    ['a:b', { kind: 'bad-character', character: ':' }],
    ['a b', { kind: 'bad-character', character: ' ' }],
    ['.hidden', { kind: 'bad-start', character: '.' }],
    ['-x', { kind: 'bad-start', character: '-' }],
    ['x'.repeat(129), { kind: 'too-long', length: 129 }]
  ])('%p is refused', (text, problem) => {
    expect(parseTagTemplate(text)).toEqual({ problem })
  })
})

describe('isFloating', () => {
  test.each([
    ['latest', true],
    ['{{branch}}', true],
    ['{{major}}', true],
    ['{{major}}.{{minor}}', true],
    ['pr-{{pr}}', true],
    ['{{image}}', true],
    ['{{version}}', false],
    ['{{major}}.{{minor}}.{{patch}}', false],
    ['{{sha}}', false],
    ['{{branch}}-{{short_sha}}', false],
    ['{{key}}', false],
    ['{{image}}.v{{seq}}', false],
    ['{{bogus}}', true]
  ])('%s: %p', (template, floating) => {
    expect(isFloating(template)).toBe(floating)
  })
})

describe('renderTag', () => {
  const values: TagValues = {
    version: '1.2.3-rc.1',
    major: 1,
    minor: 2,
    patch: 3,
    sha: 'a'.repeat(40),
    short_sha: 'aaaaaaa',
    branch: 'feature/Login Page',
    pr: 42,
    key: 'b'.repeat(64),
    image: 'api',
    seq: 7
  }
  test.each([
    ['latest', 'latest'],
    ['{{version}}', '1.2.3-rc.1'],
    ['v{{major}}.{{minor}}', 'v1.2'],
    ['{{major}}.{{minor}}.{{patch}}', '1.2.3'],
    ['{{sha}}', 'a'.repeat(40)],
    ['sha-{{short_sha}}', 'sha-aaaaaaa'],
    ['{{branch}}', 'feature-Login-Page'],
    ['pr-{{pr}}', 'pr-42'],
    ['{{image}}.v{{seq}}', 'api.v7'],
    ['key-{{key}}', `key-${'b'.repeat(64)}`]
  ])('%s -> %s', (template, tag) => {
    expect(renderTag(template, values)).toEqual({ tag })
  })

  test.each([
    ['{{version}}', {}, { kind: 'missing-value', field: 'version' }],
    ['pr-{{pr}}', { version: '1' }, { kind: 'missing-value', field: 'pr' }],
    ['{{branch}}', { branch: '///' }, { kind: 'missing-value', field: 'branch' }],
    ['{{bogus}}', {}, { kind: 'unknown-field', field: 'bogus' }]
  ])('%s with %p: %p', (template, given, problem) => {
    expect(renderTag(template, given as TagValues)).toEqual({ problem })
  })

  test('a value that makes no tag is a problem naming the tag', () => {
    const out = renderTag('{{version}}', { version: 'v1/2' })
    expect(out).toEqual({
      problem: expect.objectContaining({ kind: 'invalid-tag', tag: 'v1/2' })
    })
  })

  test('a value that makes the tag too long is a problem', () => {
    const out = renderTag('{{sha}}{{sha}}{{sha}}{{sha}}', { sha: 'a'.repeat(40) })
    expect(out).toEqual({ problem: expect.objectContaining({ kind: 'invalid-tag' }) })
  })

  test('a long branch is cut so that the whole tag fits in 128 characters', () => {
    const out = renderTag('{{branch}}-{{short_sha}}', {
      branch: 'b'.repeat(300),
      short_sha: 'abc1234'
    })
    expect(out).toEqual({ tag: `${'b'.repeat(120)}-abc1234` })
  })

  test('a cut branch does not end in a separator', () => {
    const branch = `${'b'.repeat(119)}.x${'y'.repeat(50)}`
    const out = renderTag('{{branch}}-{{short_sha}}', { branch, short_sha: 'abc1234' })
    expect(out).toEqual({ tag: `${'b'.repeat(119)}-abc1234` })
  })
})

describe('sanitizeBranch', () => {
  test.each([
    ['main', 'main'],
    ['refs/heads/main', 'main'],
    ['feature/login', 'feature-login'],
    ['Feature/Login', 'Feature-Login'],
    ['fix//double  space', 'fix-double-space'],
    ['.hidden', 'hidden'],
    ['-dash-', 'dash'],
    ['release/1.2.', 'release-1.2'],
    ['über', 'ber'],
    ['dependabot/npm_and_yarn/semver-7.6.0', 'dependabot-npm_and_yarn-semver-7.6.0'],
    ['///', ''],
    ['a'.repeat(200), 'a'.repeat(128)]
  ])('%p -> %p', (name, tag) => {
    expect(sanitizeBranch(name)).toBe(tag)
  })

  test('max cuts shorter', () => {
    expect(sanitizeBranch('abcdef', 3)).toBe('abc')
  })
})

describe('versionFromRef', () => {
  test.each([
    ['v1.2.3', undefined, { version: '1.2.3', major: 1, minor: 2, patch: 3 }],
    ['1.2.3', undefined, { version: '1.2.3', major: 1, minor: 2, patch: 3 }],
    ['refs/tags/v10.0.1', undefined, { version: '10.0.1', major: 10, minor: 0, patch: 1 }],
    ['v2.0.0-rc.1', undefined, { version: '2.0.0-rc.1', major: 2, minor: 0, patch: 0 }],
    ['api/v1.2.3', 'api/v*', { version: '1.2.3', major: 1, minor: 2, patch: 3 }],
    ['refs/tags/api/v1.2.3', 'api/v*', { version: '1.2.3', major: 1, minor: 2, patch: 3 }],
    ['api-1.4.0', 'api-*', { version: '1.4.0', major: 1, minor: 4, patch: 0 }],
    ['api/1.0.0-beta.2', 'api/*', { version: '1.0.0-beta.2', major: 1, minor: 0, patch: 0 }],
    ['v1.2', undefined, undefined],
    ['latest', undefined, undefined],
    ['api/v1.2.3', undefined, undefined],
    ['web/v1.2.3', 'api/v*', undefined],
    ['v1.2.3', 'api/v*', undefined],
    ['api/v1.2.3/x', 'api/v*', undefined],
    ['api/vnext', 'api/v*', undefined]
  ])('%s with pattern %p', (ref, pattern, version) => {
    expect(versionFromRef(ref, pattern)).toEqual(version)
  })
})

describe('tagPatternProblem', () => {
  test.each([
    ['api/v*', undefined],
    ['release-?-*', undefined],
    ['', 'the tag pattern is empty'],
    ['api/v1', "'api/v1' has no '*'; the version is what the first '*' matches, e.g. api/v*"],
    [
      'api v*',
      `'api v*' contains " "; a tag pattern holds letters, digits, '_', '.', '-', '/', '*' and '?'`
    ]
  ])('%p', (pattern, problem) => {
    expect(tagPatternProblem(pattern)).toBe(problem)
  })
})

describe('templatesFor: the image its own, else the run, else the graph', () => {
  const graph = { tags: ['latest', '{{version}}'] }
  test.each([
    ['graph only', {}, undefined, ['latest', '{{version}}']],
    ['input tags replace the graph list', {}, ['edge'], ['edge']],
    ['empty input tags: not given', {}, [], ['latest', '{{version}}']],
    ['an image its own tags, over the graph', { tags: ['{{sha}}'] }, undefined, ['{{sha}}']],
    ['an image its own tags, over input tags', { tags: ['{{sha}}'] }, ['edge'], ['{{sha}}']],
    ['an image with tags: [] gets none', { tags: [] }, ['edge'], []]
  ])('%s', (_title, image, input, templates) => {
    expect(templatesFor(graph, image, input)).toEqual(templates)
  })

  test('no tags anywhere: none', () => {
    expect(templatesFor({}, {})).toEqual([])
  })
})
