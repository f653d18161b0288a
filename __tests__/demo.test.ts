// `npm run demo` end to end (it runs dist/: bundle first): the plan, then the whole job on embedded
// defaults (a throwaway docker-registry, private container storage, a local cache, the builder
// found here), then a second run that reuses everything; and a failing build makes it exit
// non-zero. Either way it leaves no server running and no temp dir behind.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT, removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

function runDemo(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, IMAGEGRAPH_DEMO_KEEP: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (out += b.toString()))
    child.once('error', reject)
    child.once('close', code => resolve({ code, out }))
  })
}

/** What the demo said it made, checked gone: its registry's PID, its temp dirs. */
function expectNothingLeft(out: string): void {
  const pid = Number(/docker-registry on \S+ \(PID (\d+)\)/.exec(out)?.[1])
  expect(pid).toBeGreaterThan(0)
  expect(() => process.kill(pid, 0)).toThrow(/ESRCH/)
  const dirs = [
    /Example monorepo committed in (\S+)/.exec(out)?.[1],
    path.dirname(/Container storage: +(\S+)/.exec(out)?.[1] ?? ''),
    /Process cache: +(\S+)/.exec(out)?.[1]
  ]
  for (const dir of dirs) {
    expect(dir).toMatch(/imagegraph-demo-/)
    expect([dir, existsSync(dir!)]).toEqual([dir, false])
  }
}

test('the demo builds and pushes every image, shows them, and a second run reuses everything', async () => {
  const { code, out } = await runDemo(path.join(ROOT, 'scripts', 'demo.mjs'))
  expect([code, out.includes('demo failed')]).toEqual([0, false])
  expect(out).toContain('2 of 4 images affected: image-a, image-b')
  expect(out).toMatch(/registry 127\.0\.0\.1:\d+: 0 of 4 content keys present/)
  expect(out).toContain('built 4 · pushed 4 · reused 0 · unchanged 0 · failed 0')
  // The registry's view: every image with its content tag, and image-a on base's layers.
  for (const image of ['base', 'image-a', 'image-b', 'image-c'])
    expect(out).toMatch(new RegExp(`\\n${image}: 127\\.0\\.0\\.1:\\d+/example/${image}@sha256:`))
  expect(out.match(/ {2}tags {4}\S+\.v0 key-[0-9a-f]{64} latest sha-[0-9a-f]{7}\n/g)).toHaveLength(
    4
  )
  expect(out).toContain("built on base: its first layer is base's")
  expect(out).toMatch(/registry 127\.0\.0\.1:\d+: 4 of 4 content keys present/)
  expect(out).toContain(
    'Second run: 0 processes run (first run: 2), 0 restored from the cache (none is needed when nothing is built), 0 images built (first run: 4); images: 2 unchanged, 2 reused'
  )
  expectNothingLeft(out)
})

test('a build that fails makes the demo exit non-zero, after stopping its registry and cleaning up', async () => {
  // The demo as shipped, run from a copy of the project whose example has a broken Dockerfile.
  const root = tempDir('imagegraph-demo-test-')
  mkdirSync(path.join(root, 'scripts'))
  symlinkSync(path.join(ROOT, 'dist'), path.join(root, 'dist'))
  for (const file of ['demo.mjs', 'system-deps.sh'])
    cpSync(path.join(ROOT, 'scripts', file), path.join(root, 'scripts', file))
  cpSync(path.join(ROOT, 'examples'), path.join(root, 'examples'), { recursive: true })
  writeFileSync(
    path.join(root, 'examples/monorepo/services/image-c/Dockerfile'),
    'FROM scratch\nCOPY missing.txt /missing.txt\n'
  )
  const { code, out } = await runDemo(path.join(root, 'scripts', 'demo.mjs'))
  expect(code).toBe(1)
  expect(out).toContain('::error::1 image failed: image-c')
  expect(out).toContain('demo failed: the action failed (exit 1)')
  expect(out).not.toContain('Second run')
  expectNothingLeft(out)
})
