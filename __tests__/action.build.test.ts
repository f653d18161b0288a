// The action's `mode: build`, processes part, run as the runner runs dist/index.js: the processes
// the affected images need miss and run on the first push; a second checkout of the same commit
// restores every one from the cache directory (a real `local:DIR`) and runs none; an untrusted
// event writes nothing to the cache.
import { existsSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { Origin, eventWith, runAction } from './helpers/action.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

type ProcessesJson = { ran: string[]; hit: string[]; failed: string[]; saveCache: boolean }

describe('mode: build (processes)', () => {
  const o = Origin.withExample()
  const before = o.dev.head()
  const after = o.dev.write('config/a/settings.yaml', 'port: 9191\n').commit('config a')
  o.push('main')
  const push = () => eventWith('push', at => ({ [at('before')]: before, [at('after')]: after }))

  test('a miss runs and saves; a fresh checkout then restores all and runs none', async () => {
    const cache = tempDir('imagegraph-action-cache-')
    const first = await runAction({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: push(),
      sha: after,
      ref: 'refs/heads/main',
      inputs: { mode: 'build', cache: `local:${cache}` }
    })
    expect(first.stdout).not.toContain('::error')
    expect(first.code).toBe(0)
    const one = JSON.parse(first.outputs.processes) as ProcessesJson
    expect(one.ran).toEqual(['process-a'])
    expect(one.hit).toEqual([])
    expect(first.summary).toContain('### Processes')

    const workspace = o.checkout('refs/heads/main', after)
    const second = await runAction({
      workspace,
      event: 'push',
      payload: push(),
      sha: after,
      ref: 'refs/heads/main',
      inputs: { mode: 'build', cache: `local:${cache}` }
    })
    expect(second.code).toBe(0)
    const two = JSON.parse(second.outputs.processes) as ProcessesJson
    expect(two.hit).toEqual(['process-a'])
    expect(two.ran).toEqual([])
    expect(existsSync(path.join(workspace, 'services', 'image-a', 'rendered', 'app.yaml'))).toBe(
      true
    )
  })

  test('pull_request_target is untrusted: the process runs, the cache is not written', async () => {
    const cache = tempDir('imagegraph-action-cache-')
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', after),
      event: 'pull_request_target',
      payload: eventWith('pull_request_target', at => ({
        [at('pull_request.base.sha')]: before,
        [at('pull_request.head.sha')]: after
      })),
      sha: before,
      ref: 'refs/heads/main',
      inputs: { mode: 'build', cache: `local:${cache}`, 'save-cache': 'always' }
    })
    expect(r.code).toBe(0)
    const json = JSON.parse(r.outputs.processes) as ProcessesJson
    expect(json.ran).toEqual(['process-a'])
    expect(json.saveCache).toBe(false)
    expect(readdirSync(cache).filter(f => !f.startsWith('.'))).toEqual([])
    expect(r.stdout).toContain('save-cache: always is ignored on an untrusted event')
  })

  test('a bad save-cache value is one clear line', async () => {
    const r = await runAction({
      workspace: o.checkout('refs/heads/main', after),
      event: 'push',
      payload: push(),
      sha: after,
      ref: 'refs/heads/main',
      inputs: { mode: 'build', 'save-cache': 'sometimes' }
    })
    expect(r.code).not.toBe(0)
    expect(r.stdout).toContain("Input 'save-cache' is set to invalid value 'sometimes'")
  })
})
