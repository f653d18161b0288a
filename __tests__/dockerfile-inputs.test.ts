import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { expandWord } from '../src/core/dockerfile/expand.js'
import { contextFilter, ignoreFileFor } from '../src/core/dockerfile/ignore.js'
import { dockerfileInputs } from '../src/core/dockerfile/inputs.js'
import type { DockerfileInputs } from '../src/core/dockerfile/model.js'
import { compilePattern, selectContextFiles } from '../src/core/dockerfile/reach.js'
import { isDockerFrontend } from '../src/core/dockerfile/syntax.js'
import { corpusCases, fixtureFiles } from './helpers/dockerfile-corpus.js'

const cases = corpusCases()

function read(text: string, buildArgs: Record<string, string> = {}, target?: string) {
  return dockerfileInputs(text, { buildArgs, target, file: 'Dockerfile' })
}

function patterns(inputs: DockerfileInputs): string[][] {
  if (inputs.kind !== 'narrowed') throw new Error(`whole: ${inputs.reason}`)
  return inputs.sources.map(s => s.patterns)
}

describe('the corpus', () => {
  test('has the cases the sufficiency test needs', () => {
    expect(cases.filter(c => c.buildah).length).toBeGreaterThanOrEqual(20)
  })

  test.each(cases.map(c => [c.name, c]))('%s', (_name, c) => {
    const text = readFileSync(path.join(c.dir, c.dockerfile), 'utf8')
    const inputs = dockerfileInputs(text, {
      buildArgs: c.buildArgs,
      target: c.target,
      file: c.dockerfile
    })
    if (c.expect.whole !== undefined) {
      expect(inputs.kind).toBe('whole')
      if (inputs.kind !== 'whole') return
      expect(inputs.reason).toContain(c.expect.whole)
      expect(inputs.line).toBe(c.expect.line)
      expect(inputs.reason.startsWith(`${c.dockerfile}:${c.expect.line}: `)).toBe(true)
    } else {
      expect(inputs.kind).toBe('narrowed')
      if (inputs.kind !== 'narrowed') return
      expect(
        inputs.sources.map(({ instruction, line, patterns }) => ({ instruction, line, patterns }))
      ).toEqual(c.expect.sources)
      expect(inputs.args).toEqual(c.expect.args)
    }
    const ignoreFile = ignoreFileFor(c.dockerfile, '.').find(f => existsSync(path.join(c.dir, f)))
    const keep = contextFilter(
      ignoreFile ? readFileSync(path.join(c.dir, ignoreFile), 'utf8') : null
    )
    const context = [...c.files, ...fixtureFiles(c.dir)]
    const selection = selectContextFiles(context, inputs, keep)
    expect(selection.files).toEqual(c.expect.reads)
    expect(selection.emptyDirectories).toEqual(c.expect.emptyDirectories ?? [])
  })
})

describe('dockerfileInputs', () => {
  test('names each source with its line and the instruction as written', () => {
    const inputs = read('FROM busybox\nCOPY   --chown=1:1 \\\n  a.txt   /a\n')
    expect(inputs).toEqual({
      kind: 'narrowed',
      sources: [
        { instruction: 'COPY', line: 2, text: 'COPY --chown=1:1 a.txt /a', patterns: ['a.txt'] }
      ],
      args: []
    })
  })

  test('shortens a long instruction', () => {
    const long = `COPY ${'a'.repeat(200)} /x`
    const inputs = read(`FROM busybox\n${long}\n`)
    if (inputs.kind !== 'narrowed') throw new Error(inputs.reason)
    expect(inputs.sources[0].text).toHaveLength(100)
    expect(inputs.sources[0].text.endsWith('…')).toBe(true)
  })

  test('CRLF line ends, FROM flags, a directive with spaces', () => {
    const text =
      '# syntax = docker/dockerfile:1\r\nFROM --platform=$BUILDPLATFORM busybox AS b\r\nCOPY a \\\r\n  b /x\r\n'
    expect(read(text)).toEqual({
      kind: 'narrowed',
      sources: [{ instruction: 'COPY', line: 3, text: 'COPY a b /x', patterns: ['a', 'b'] }],
      args: []
    })
    expect(read('# syntax = example/x\nFROM busybox\n')).toMatchObject({ kind: 'whole', line: 1 })
  })

  test('a JSON source with a space keeps it (dockerfile-ast drops whitespace from JSON strings)', () => {
    expect(patterns(read('FROM busybox\nCOPY ["my dir/a b.txt", "/x/"]\n'))).toEqual([
      ['my dir/a b.txt']
    ])
  })

  test('a quoted flag value is not read: whole context', () => {
    const inputs = read('FROM busybox\nRUN --mount="type=bind,target=/x y" ls\n')
    expect(inputs).toMatchObject({ kind: 'whole', line: 2 })
  })

  test.each([
    ['no FROM', 'COPY a /b\n', 'COPY comes before the first FROM'],
    ['empty', '', 'has no FROM instruction'],
    ['one word', 'FROM busybox\nCOPY a\n', 'needs a source and a destination'],
    ['bad FROM', 'FROM a b c d\n', 'FROM takes an image'],
    [
      'unknown ${} form',
      'FROM busybox\nARG A=x\nCOPY ${A#x} /b\n',
      'a form the reader does not expand'
    ],
    ['unterminated quote', 'FROM busybox\nCOPY "a b" /c\n', 'unterminated double quote'],
    [
      'unknown mount source',
      'FROM busybox\nRUN --mount=source=$S,target=/s ls\n',
      '--mount source=$S'
    ],
    ['unknown --from', 'FROM busybox\nCOPY --from=$X /a /b\n', '--from=$X holds $X'],
    ['ONBUILD variable', 'FROM busybox\nENV D=x\nONBUILD COPY $D /d\n', 'holds $D'],
    ['ADD of an unknown', 'FROM busybox\nADD ${URL} /x\n', 'holds $URL'],
    ['undeclared variable', 'FROM golang\nCOPY $GOPATH/src /x\n', 'holds $GOPATH']
  ])('%s: whole context', (_name, text, reason) => {
    const inputs = read(text)
    expect(inputs.kind).toBe('whole')
    if (inputs.kind === 'whole') expect(inputs.reason).toContain(reason)
  })

  test('a target that is no stage: whole context', () => {
    expect(read('FROM busybox AS a\nCOPY x /x\n', {}, 'b')).toMatchObject({
      kind: 'whole',
      reason: "Dockerfile: the target 'b' is not a stage of the Dockerfile"
    })
    expect(read('FROM busybox AS App\nCOPY x /x\n', {}, 'app').kind).toBe('narrowed')
  })

  test('BUILDKIT_SYNTAX chooses the frontend like # syntax=', () => {
    const text = 'FROM busybox\nCOPY a /a\n'
    expect(read(text, { BUILDKIT_SYNTAX: 'docker/dockerfile:1' }).kind).toBe('narrowed')
    expect(read(text, { BUILDKIT_SYNTAX: 'example/frontend' })).toMatchObject({
      kind: 'whole',
      reason:
        "Dockerfile: build argument BUILDKIT_SYNTAX=example/frontend is not Docker's Dockerfile frontend"
    })
  })

  test('ENV and ARG of one name with different values: no value known', () => {
    expect(read('FROM busybox\nARG D=a\nENV D=b\nCOPY $D /x\n').kind).toBe('whole')
    expect(patterns(read('FROM busybox\nARG D=a\nENV D=$D\nCOPY $D /x\n'))).toEqual([['a']])
  })

  test('values of one ENV are expanded with the variables before it', () => {
    const text = 'FROM busybox\nENV A=1\nENV A=2 B=$A\nCOPY $A$B /x\n'
    expect(patterns(read(text))).toEqual([['21']])
  })

  test('the old ENV form, and ARG defaults that use earlier variables', () => {
    const text = 'FROM busybox\nENV DIR my dir\nARG SUB=${DIR}/sub\nCOPY ["${SUB}", "/x"]\n'
    expect(patterns(read(text))).toEqual([['my dir/sub']])
  })

  test('a build argument replaces the global default used in FROM and in a stage', () => {
    const text = 'ARG V=1\nFROM busybox\nARG V\nCOPY v$V /x\n'
    expect(read(text, { V: '2' })).toMatchObject({ kind: 'narrowed', args: ['V'] })
    expect(patterns(read(text, { V: '2' }))).toEqual([['v2']])
    expect(patterns(read(text))).toEqual([['v1']])
  })

  test('a stage inherits ENV but not ARG from its parent stage', () => {
    const base = 'FROM busybox AS base\nARG A=a\nENV E=e\nFROM base\n'
    expect(patterns(read(`${base}COPY $E /x\n`))).toEqual([['e']])
    expect(read(`${base}COPY $A /x\n`).kind).toBe('whole')
  })
})

describe('expandWord', () => {
  const values: Record<string, string> = { A: 'a', EMPTY: '', SP: 'x y' }
  const lookup = (name: string) => values[name]
  test.each([
    ['$A', 'a'],
    ['${A}b', 'ab'],
    ['$Ab', undefined],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${A:-d}', 'a'],
    ['${A:+x$A}', 'xa'],
    ['${EMPTY:+x}', ''],
    ['${A:-$UNKNOWN}', 'a'],
    ['${EMPTY:-$UNKNOWN}', undefined],
    ["'$A'", '$A'],
    ['"$A b"', 'a b'],
    ['\\$A', '$A'],
    ['"\\$A"', '$A'],
    ['a$', 'a$'],
    ['$SP', 'x y'],
    ['${A:?need}', 'a'],
    ['${EMPTY:?need}', undefined],
    ['${A/a/b}', undefined]
  ])('%s', (word, expected) => {
    const r = expandWord(word, lookup)
    expect(r.ok ? r.value : undefined).toBe(expected)
  })

  test('another escape character', () => {
    expect(expandWord('`$A', lookup, '`')).toEqual({ ok: true, value: '$A' })
  })
})

test.each([
  ['docker/dockerfile:1', true],
  ['docker/dockerfile:1.7', true],
  ['docker/dockerfile:1.7.1-labs', true],
  ['docker/dockerfile', true],
  ['docker.io/docker/dockerfile:1', true],
  [`docker/dockerfile:1@sha256:${'0'.repeat(64)}`, true],
  ['docker/dockerfile-upstream:master', false],
  ['foo/bar', false],
  ['example.com/docker/dockerfile:1', false]
])('# syntax=%s is Docker’s frontend: %s', (ref, expected) => {
  expect(isDockerFrontend(ref)).toBe(expected)
})

describe('contextFilter', () => {
  test('no ignore file keeps everything', () => {
    expect(contextFilter(null)('anything/at/all')).toBe(true)
  })

  test('matches case-sensitively, as Docker on Linux does (the library ignores case by default)', () => {
    const keep = contextFilter('build/\n')
    expect(keep('build/a')).toBe(false)
    expect(keep('Build/a')).toBe(true)
  })

  test('drops a byte order mark before the first line, as moby does', () => {
    expect(contextFilter('\uFEFFsecret.txt\n')('secret.txt')).toBe(false)
  })

  test('leading / and ./ in patterns, comments, a re-included file under an excluded directory', () => {
    const keep = contextFilter('# comment\n/a.txt\n./b/c\nvendor\n!vendor/keep.go\n')
    expect(
      ['a.txt', 'b/c/d', 'b/x', 'vendor/x.go', 'vendor/keep.go', '# comment'].map(keep)
    ).toEqual([false, false, true, false, true, true])
  })
})

test('ignoreFileFor: BuildKit prefers the Dockerfile’s own, buildah .containerignore', () => {
  expect(ignoreFileFor('src/api/Dockerfile', '.')).toEqual([
    'src/api/Dockerfile.dockerignore',
    '.dockerignore'
  ])
  expect(ignoreFileFor('src/api/Dockerfile', 'src')).toEqual([
    'src/api/Dockerfile.dockerignore',
    'src/.dockerignore'
  ])
  expect(ignoreFileFor('Dockerfile', 'app', 'buildah')).toEqual([
    'app/.containerignore',
    'app/.dockerignore'
  ])
})

test('ignoreFileFor: the paths as path.posix normalises them, whatever form the input has', () => {
  const dockerfiles = [
    'Dockerfile',
    'src/api/Dockerfile',
    './Dockerfile',
    'a/../b/Dockerfile',
    'a//Dockerfile',
    '/abs/Dockerfile',
    '..',
    '.'
  ]
  const contexts = [
    '',
    '.',
    'src',
    './src',
    'src/',
    'a/./b',
    'a/../b',
    '..',
    '/abs',
    'a//b',
    '.hidden',
    'x..y'
  ]
  for (const dockerfile of dockerfiles)
    for (const context of contexts) {
      const inContext = (name: string) => path.posix.normalize(path.posix.join(context, name))
      expect([dockerfile, context, ignoreFileFor(dockerfile, context)]).toEqual([
        dockerfile,
        context,
        [path.posix.normalize(`${dockerfile}.dockerignore`), inContext('.dockerignore')]
      ])
      expect([dockerfile, context, ignoreFileFor(dockerfile, context, 'buildah')]).toEqual([
        dockerfile,
        context,
        [inContext('.containerignore'), inContext('.dockerignore')]
      ])
    }
})

describe('compilePattern', () => {
  test.each([
    ['.', 'any/file', true],
    ['src', 'src', true],
    ['src', 'src/a/b', true],
    ['src', 'srcs/a', false],
    ['src/*.go', 'src/a.go', true],
    ['src/*.go', 'src/a/b.go', false],
    ['*/main.go', 'cmd/main.go', true],
    ['*/main.go', 'main.go', false],
    ['a?c', 'abc/d', true],
    ['[xy]z', 'xz', true],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[^a-c]x', 'bx', false],
    ['[^a-c]x', 'dx', true],
    ['[!a]x', '!x', true],
    ['[\\]]x', ']x', true],
    ['[ab', '[ab', true],
    ['**/x', 'a/b/x', true],
    ['**/x', 'x', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.b', 'axb', false]
  ])('%s reaches %s: %s', (pattern, file, expected) => {
    expect(compilePattern(pattern)(file)).toBe(expected)
  })
})

describe('selectContextFiles', () => {
  const inputs = read('FROM busybox\nCOPY current/ /app/\nCOPY lib/*.so /lib/\n')
  const paths = ['current', 'v2/a', 'lib/x.so', 'lib/y.txt', 'lib/link/z']

  test('lists the files each source reaches', () => {
    const s = selectContextFiles(paths, inputs, () => true)
    expect(s.reached.map(r => r.files)).toEqual([['current'], ['lib/x.so']])
    expect(s.files).toEqual(['current', 'lib/x.so'])
    expect(s.whole).toBeUndefined()
  })

  test('a source that names or passes through a symbolic link: whole context', () => {
    const s = selectContextFiles(paths, inputs, () => true, {
      symlinks: new Set(['current']),
      file: 'Dockerfile'
    })
    expect(s.whole).toEqual({
      reason: 'Dockerfile:2: COPY current/ /app/ follows the symbolic link current',
      line: 2
    })
    expect(s.files).toEqual([...paths].sort())
    const through = read('FROM busybox\nCOPY lib/link/z /z\n')
    expect(
      selectContextFiles(paths, through, () => true, { symlinks: new Set(['lib/link']) }).whole
    ).toBeDefined()
    // A link beneath a copied directory is copied as a link, not followed.
    const beneath = read('FROM busybox\nCOPY lib /lib\n')
    expect(
      selectContextFiles(paths, beneath, () => true, { symlinks: new Set(['lib/link']) }).whole
    ).toBeUndefined()
  })

  test('COPY reaches kept files only; RUN --mount reaches ignored ones too (buildah binds the directory as is)', () => {
    const inputs = read(
      'FROM busybox\nCOPY data/ /d/\nRUN --mount=type=bind,source=data,target=/m ls /m\n'
    )
    const keep = contextFilter('data/*.tmp\n')
    const s = selectContextFiles(['data/a.txt', 'data/b.tmp', 'other'], inputs, keep)
    expect(s.reached.map(r => r.files)).toEqual([['data/a.txt'], ['data/a.txt', 'data/b.tmp']])
    expect(s.files).toEqual(['data/a.txt', 'data/b.tmp'])
  })

  test('whole: every file of the context, the ignore file not applied', () => {
    const s = selectContextFiles(
      ['b', 'a.tmp', 'd/c'],
      read('FROM x\nCOPY $U /u\n'),
      contextFilter('*.tmp\n')
    )
    expect(s.files).toEqual(['a.tmp', 'b', 'd/c'])
    expect(s.whole?.line).toBe(2)
  })

  test('an empty directory counts only when a source copies it and the ignore file keeps it', () => {
    const inputs = read('FROM busybox\nCOPY logs/ /logs/\n')
    const paths = ['logs/a/x.log', 'logs/b/y.log', 'src/c/z.log']
    const s = selectContextFiles(paths, inputs, contextFilter('**/*.log\nlogs/b\n'))
    expect(s.files).toEqual([])
    expect(s.emptyDirectories).toEqual(['logs', 'logs/a'])
  })
})

describe('build arguments known only when the build runs (image-args)', () => {
  test('a source that uses one, directly or through another ARG, makes the whole context the input', () => {
    const direct = dockerfileInputs('FROM busybox\nARG BASE=x\nCOPY src/${BASE}/ ./\n', {
      buildArgs: {},
      unknownArgs: ['BASE'],
      file: 'Dockerfile'
    })
    expect(direct.kind).toBe('whole')
    const derived = dockerfileInputs(
      'FROM busybox\nARG BASE=x\nARG DIR=src/${BASE}\nCOPY ${DIR}/ ./\n',
      { buildArgs: {}, unknownArgs: ['BASE'], file: 'Dockerfile' }
    )
    expect(derived.kind).toBe('whole')
    // The default is what the reader would take otherwise.
    const known = dockerfileInputs(
      'FROM busybox\nARG BASE=x\nARG DIR=src/${BASE}\nCOPY ${DIR}/ ./\n',
      {
        buildArgs: {},
        file: 'Dockerfile'
      }
    )
    expect(known).toMatchObject({ kind: 'narrowed', sources: [{ patterns: ['src/x'] }] })
  })
})
