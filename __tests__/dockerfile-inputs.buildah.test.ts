// Sufficiency with a real builder: for every corpus case Debian 12's buildah 1.28 can build, a build
// from a copy of the context pruned to the computed inputs (plus the Dockerfile and the ignore file)
// gives the same layers as a build from the full context. This is the test that the reader is never
// narrower than the build. Builds are reproducible with `--timestamp 0` (buildah 1.28 then sets
// the image's creation time and every file's time in the committed layers); layers are compared
// by `rootfs.diff_ids`. The base `busybox` is made offline from busybox-static and tagged
// docker.io/library/busybox:latest in a private vfs storage, so `FROM busybox` never pulls.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { exec } from '../src/adapters/exec.js'
import { contextFilter, ignoreFileFor } from '../src/core/dockerfile/ignore.js'
import { dockerfileInputs } from '../src/core/dockerfile/inputs.js'
import { selectContextFiles } from '../src/core/dockerfile/reach.js'
import { type CorpusCase, corpusCases, fixtureFiles } from './helpers/dockerfile-corpus.js'
import { writeBusyboxContext } from './helpers/base-image.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

const APPLETS = ['sh', 'echo', 'cat', 'ls', 'mkdir', 'test']
const BASE = 'docker.io/library/busybox:latest'

let storage: string[] = []
let built = 0

async function buildah(args: string[]): Promise<string> {
  const r = await exec('buildah', [...storage, ...args])
  if (r.code !== 0) throw new Error(`buildah ${args.join(' ')} failed (${r.code}):\n${r.stderr}`)
  return r.stdout.toString()
}

beforeAll(async () => {
  const dir = tempDir('imagegraph-dockerfile-buildah-')
  storage = [
    '--root',
    path.join(dir, 'root'),
    '--runroot',
    path.join(dir, 'run'),
    '--storage-driver',
    'vfs'
  ]
  const context = writeBusyboxContext(path.join(dir, 'base'), APPLETS)
  await buildah(['bud', '--isolation', 'chroot', '--timestamp', '0', '--tag', BASE, context])
})

afterAll(removeTempDirs)

/** Writes a context: the named files (content: their path) and the case directory's own files. */
function writeContext(
  dir: string,
  c: CorpusCase,
  keepOnly?: ReadonlySet<string>,
  dirs: string[] = []
) {
  for (const f of c.files) {
    if (keepOnly && !keepOnly.has(f)) continue
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), `${f}\n`)
  }
  for (const f of fixtureFiles(c.dir)) {
    if (keepOnly && !keepOnly.has(f)) continue
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    copyFileSync(path.join(c.dir, f), path.join(dir, f))
  }
  for (const d of dirs) mkdirSync(path.join(dir, d), { recursive: true })
}

/** Builds a context and returns the image's layers (diff ids). */
async function layers(
  c: CorpusCase,
  context: string,
  ignoreFile: string | undefined
): Promise<string[]> {
  const tag = `localhost/sufficiency/${c.name}:${++built}`
  const args = ['bud', '--isolation', 'chroot', '--timestamp', '0', '--pull=false']
  args.push('--file', path.join(context, c.dockerfile), '--tag', tag)
  // The ignore file BuildKit would use (buildah 1.28 knows no `<dockerfile>.dockerignore` of its own).
  if (ignoreFile) args.push('--ignorefile', path.join(context, ignoreFile))
  for (const [k, v] of Object.entries(c.buildArgs)) args.push('--build-arg', `${k}=${v}`)
  if (c.target) args.push('--target', c.target)
  await buildah([...args, context])
  const image = JSON.parse(await buildah(['inspect', '--type', 'image', tag])) as {
    OCIv1: { rootfs: { diff_ids: string[] } }
  }
  return image.OCIv1.rootfs.diff_ids
}

interface Pruned {
  ignoreFile?: string
  keep: Set<string>
  dirs: string[]
  /** Whether the pruned context is the full one (nothing to compare: the same files build the same). */
  everything: boolean
}

function prune(c: CorpusCase): Pruned {
  const text = readFileSync(path.join(c.dir, c.dockerfile), 'utf8')
  const inputs = dockerfileInputs(text, {
    buildArgs: c.buildArgs,
    target: c.target,
    file: c.dockerfile
  })
  const own = fixtureFiles(c.dir)
  const ignoreFile = ignoreFileFor(c.dockerfile, '.').find(f => own.includes(f))
  const keep = contextFilter(ignoreFile ? readFileSync(path.join(c.dir, ignoreFile), 'utf8') : null)
  const selection = selectContextFiles([...c.files, ...own], inputs, keep)
  const kept = new Set([...selection.files, c.dockerfile])
  if (ignoreFile) kept.add(ignoreFile)
  const everything = [...c.files, ...own].every(f => kept.has(f))
  return { ignoreFile, keep: kept, dirs: selection.emptyDirectories, everything }
}

const buildable = corpusCases().filter(c => c.buildah)

test('at least 20 corpus cases are built from a context that is pruned', () => {
  expect(buildable.filter(c => !prune(c).everything).length).toBeGreaterThanOrEqual(20)
})

test.each(buildable.map(c => [c.name, c]))(
  '%s: the pruned context builds the same layers',
  async (_name, c) => {
    const { ignoreFile, keep, dirs, everything } = prune(c)
    if (everything) return
    const full = tempDir('imagegraph-full-')
    writeContext(full, c)
    const pruned = tempDir('imagegraph-pruned-')
    writeContext(pruned, c, keep, dirs)
    expect(await layers(c, pruned, ignoreFile)).toEqual(await layers(c, full, ignoreFile))
  }
)

test('the comparison sees a missing input: one reached file fewer gives other layers', async () => {
  const c = buildable.find(b => b.name === 'copy-dot')!
  const { ignoreFile, keep } = prune(c)
  const full = tempDir('imagegraph-full-')
  writeContext(full, c)
  keep.delete('src/a.go')
  const pruned = tempDir('imagegraph-pruned-')
  writeContext(pruned, c, keep)
  expect(await layers(c, pruned, ignoreFile)).not.toEqual(await layers(c, full, ignoreFile))
})

test('the comparison sees a missing empty directory', async () => {
  const c = buildable.find(b => b.name === 'empty-directories')!
  const { ignoreFile, keep } = prune(c)
  const full = tempDir('imagegraph-full-')
  writeContext(full, c)
  const pruned = tempDir('imagegraph-pruned-')
  writeContext(pruned, c, keep)
  expect(await layers(c, pruned, ignoreFile)).not.toEqual(await layers(c, full, ignoreFile))
})
