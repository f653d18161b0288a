// The key lines of a narrowed image (core/reach-lines.ts) against the context selection that the
// sufficiency test builds with buildah (dockerfile/reach.ts, dockerfile-inputs.buildah.test.ts):
// for every case of the corpus, the files the lines stand for (a tree line: every file beneath)
// are never fewer than the selection's, and the same when one ignore file applies to both
// builders. A tree line that skipped an ignored file, or a pattern the shortcut misread, fails here.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { TrackedFile } from '../src/core/changes.js'
import { contextFilter, ignoreFileFor, ignoreRules } from '../src/core/dockerfile/ignore.js'
import { dockerfileInputs } from '../src/core/dockerfile/inputs.js'
import { selectContextFiles } from '../src/core/dockerfile/reach.js'
import { TREE_MODE, treeIdOf } from '../src/core/git-tree.js'
import type { ImageNode } from '../src/core/graph/model.js'
import { imageReach } from '../src/core/image-reach.js'
import { EMPTY_TREE, reachLines } from '../src/core/reach-lines.js'
import { corpusCases, fixtureFiles } from './helpers/dockerfile-corpus.js'

const oid = (p: string) => createHash('sha1').update(p).digest('hex')

function imageNode(c: { dockerfile: string; buildArgs: Record<string, string>; target?: string }) {
  return {
    kind: 'image',
    name: 'x',
    fields: [],
    context: '',
    dockerfile: c.dockerfile,
    inputs: [],
    buildArgs: c.buildArgs,
    imageArgs: {},
    platforms: [],
    ...(c.target !== undefined ? { target: c.target } : {}),
    repository: 'x',
    contextInputs: 'dockerfile'
  } as ImageNode
}

/** A view of a file list as the commit's trees would give it (no links in the corpus). */
function viewOf(files: TrackedFile[]) {
  const byPath = new Map(files.map(f => [f.path, f]))
  return {
    at: (p: string) => {
      const file = byPath.get(p) as { mode: string; oid: string } | undefined
      if (file) return { real: p, entry: { mode: file.mode, oid: file.oid } }
      const tree = treeIdOf(files, p)
      return { real: p, entry: tree === undefined ? null : { mode: TREE_MODE, oid: tree } }
    },
    under: (dir: string) => files.filter(f => dir === '' || f.path.startsWith(`${dir}/`)),
    entries: (dir: string) => {
      const prefix = dir === '' ? '' : `${dir}/`
      const out = new Map<string, { name: string; mode: string; oid: string }>()
      for (const f of files as Array<{ path: string; mode: string; oid: string }>) {
        if (!f.path.startsWith(prefix)) continue
        const [name, ...rest] = f.path.slice(prefix.length).split('/')
        if (rest.length === 0) out.set(name, { name, mode: f.mode, oid: f.oid })
        else out.set(name, { name, mode: TREE_MODE, oid: treeIdOf(files, prefix + name)! })
      }
      return [...out.values()]
    }
  }
}

const cases = corpusCases().filter(c => c.expect.whole === undefined)

describe('key lines stand for at least what the build reads', () => {
  test.each(cases.map(c => [c.name, c]))('%s', (_name, c) => {
    const paths = [...new Set([...c.files, ...fixtureFiles(c.dir)])].sort()
    const files: TrackedFile[] = paths.map(p => ({ path: p, mode: '100644', oid: oid(p) }))
    const text = (name: string) =>
      existsSync(path.join(c.dir, name)) ? readFileSync(path.join(c.dir, name), 'utf8') : null
    const reach = imageReach(imageNode(c), '', {
      dockerfile: text(c.dockerfile),
      ignores: new Map(
        [`${c.dockerfile}.dockerignore`, '.dockerignore', '.containerignore'].map(f => [f, text(f)])
      )
    })
    expect(reach.kind).toBe('narrowed')
    if (reach.kind !== 'narrowed') return
    const result = reachLines(reach, viewOf(files))
    if ('whole' in result) throw new Error(result.whole)
    if ('wanted' in result) throw new Error('every tree is in the view')
    const standsFor = new Set<string>()
    const empty: string[] = []
    for (const line of result.lines) {
      const l = line as { path: string; mode: string; oid: string }
      if (l.mode !== TREE_MODE) standsFor.add(l.path)
      else if (l.oid === EMPTY_TREE) empty.push(l.path)
      else {
        expect(l.oid).toBe(treeIdOf(files, l.path === '.' ? '' : l.path))
        for (const f of viewOf(files).under(l.path === '.' ? '' : l.path)) standsFor.add(f.path)
      }
    }
    // The selection the sufficiency test builds from (BuildKit's ignore file, as there).
    const inputs = dockerfileInputs(text(c.dockerfile)!, {
      buildArgs: c.buildArgs,
      target: c.target,
      file: c.dockerfile
    })
    const ignoreFile = ignoreFileFor(c.dockerfile, '.').find(f => text(f) !== null)
    const selection = selectContextFiles(
      paths,
      inputs,
      contextFilter(ignoreFile ? text(ignoreFile) : null)
    )
    for (const f of selection.files) expect(standsFor).toContain(f)
    const oneIgnoreFile =
      [`${c.dockerfile}.dockerignore`, '.dockerignore', '.containerignore'].filter(
        f => text(f) !== null
      ).length <= 1
    if (oneIgnoreFile) {
      // The Dockerfile and ignore files are counted by name beside these lines, and so may be missing.
      const named = new Set([c.dockerfile, `${c.dockerfile}.dockerignore`, '.dockerignore'])
      expect([...standsFor].filter(f => !named.has(f)).sort()).toEqual(
        selection.files.filter(f => !named.has(f))
      )
      expect(empty).toEqual(selection.emptyDirectories)
    }
  })
})

describe("the ignore filter's shortcut (ignoreRules) against the library", () => {
  const ignore = [
    '**/node_modules',
    '*.md',
    '!README.md',
    'docs/**/*.txt',
    '/build',
    './dist/',
    'src/**.log',
    'tmp[0-9]',
    'a?c',
    '**',
    '!keep/**',
    'x/../y'
  ]
  const paths = [
    'README.md',
    'NOTES.md',
    'src/a/NOTES.md',
    'src/node_modules/x.js',
    'node_modules/y/z.js',
    'docs/a/b/c.txt',
    'docs/c.txt',
    'docs/c.md',
    'build/out.bin',
    'sub/build/out.bin',
    'dist/x',
    'src/a/b.log',
    'src/b.log',
    'tmp1/x',
    'tmpa/x',
    'abc',
    'a/c',
    'keep/x/y',
    'y',
    'plain/file.go'
  ]
  /** The ignore file of its first n + 1 lines, for each n. */
  const texts = ignore.map((_, n) => [
    ignore
      .slice(0, n + 1)
      .filter(l => l !== '**')
      .join('\n')
  ])
  test.each(texts)('lines %#: the same answer for every path', text => {
    const exact = contextFilter(text)
    const quick = ignoreRules(text).keep
    for (const p of paths) expect([p, quick(p)]).toEqual([p, exact(p)])
  })
  test.each(texts)('lines %#: a walk down the directories (scope) answers as the library', text => {
    const exact = contextFilter(text)
    const rules = ignoreRules(text)
    for (const p of paths) {
      const segments = p.split('/')
      let scope = rules.scope('')
      for (let depth = 0; depth < segments.length; depth++) {
        const dir = segments.slice(0, depth).join('/')
        expect([p, dir, scope.keep(p)]).toEqual([p, dir, exact(p)])
        // A directory no line may reach into keeps everything beneath it.
        if (!scope.mayExclude) expect([p, dir, exact(p)]).toEqual([p, dir, true])
        expect(rules.scope(dir).mayExclude).toBe(scope.mayExclude)
        if (depth < segments.length - 1) scope = scope.child(segments[depth])
      }
    }
  })
})
