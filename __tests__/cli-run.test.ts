// `imagegraph run` on a real repository with a real local cache directory: the first run misses
// and runs the processes the affected images need; a fresh clone then restores them all.
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { runCli } from '../src/cli.js'
import { privateStorageConf } from './helpers/containers-storage.js'
import { TestRepo, removeTempDirs, tempDir } from './helpers/repo.js'

// Images are built too (no registry: locally), by buildah in a private storage.
const previousConf = process.env.CONTAINERS_STORAGE_CONF
beforeAll(() => {
  process.env.CONTAINERS_STORAGE_CONF = privateStorageConf()
})
afterAll(() => {
  if (previousConf === undefined) delete process.env.CONTAINERS_STORAGE_CONF
  else process.env.CONTAINERS_STORAGE_CONF = previousConf
  removeTempDirs()
})

async function run(
  cwd: string,
  args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { cwd, out: s => void (out += s), err: s => void (err += s) })
  return { code, out, err }
}

describe('imagegraph run', () => {
  test('misses and runs, then a fresh clone restores every process and runs none', async () => {
    const repo = TestRepo.fromExample()
    repo.write('config/a/settings.yaml', 'changed: true\n').commit('change config a')
    const cache = tempDir('imagegraph-cli-cache-')
    const first = await run(repo.dir, [
      'run',
      '--base',
      'HEAD~1',
      '--json',
      '--cache',
      `local:${cache}`,
      '--builder',
      'buildah'
    ])
    expect(first.err).not.toContain('warning')
    expect(first.code).toBe(0)
    type Json = { ran: string[]; hit: string[]; failed: string[]; skipped: string[] }
    const firstJson = (JSON.parse(first.out) as { processes: Json }).processes
    const ran = firstJson.ran
    expect(ran).toContain('process-a')
    expect(firstJson.hit).toEqual([])

    const clone = TestRepo.clone(repo.bareCopy(), [])
    const second = await run(clone.dir, [
      'run',
      '--base',
      'HEAD~1',
      '--json',
      '--cache',
      `local:${cache}`,
      '--builder',
      'buildah'
    ])
    expect(second.code).toBe(0)
    const secondJson = (JSON.parse(second.out) as { processes: Json }).processes
    expect(secondJson.hit).toEqual(ran)
    expect(secondJson.ran).toEqual([])
    const file = (dir: string) =>
      readFileSync(path.join(dir, 'services', 'image-a', 'rendered', 'app.yaml'), 'utf8')
    expect(existsSync(path.join(clone.dir, 'services', 'image-a', 'rendered'))).toBe(true)
    expect(file(clone.dir)).toBe(file(repo.dir))
  })

  test("--cache with an unknown backend is the user's error", async () => {
    const repo = TestRepo.fromExample()
    const r = await run(repo.dir, ['run', '--base', 'HEAD', '--cache', 's3'])
    expect(r.code).toBe(1)
    expect(r.err).toContain('--cache')
  })
})
