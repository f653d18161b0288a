// The one spawn helper, against real processes.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { SpawnError, exec } from '../src/adapters/exec.js'

describe('exec', () => {
  test('passes arguments as an array, never through a shell', async () => {
    const r = await exec('printf', ['%s|', 'a b', '$(echo no)', ';ls'])
    expect(r.code).toBe(0)
    expect(r.stdout.toString()).toBe('a b|$(echo no)|;ls|')
  })

  test('feeds stdin, uses the given environment and reports the exit code', async () => {
    const r = await exec('bash', ['-c', 'cat; echo "$ONLY"; exit 3'], {
      input: 'in\n',
      env: { ONLY: 'this', PATH: process.env.PATH }
    })
    expect(r.code).toBe(3)
    expect(r.stdout.toString()).toBe('in\nthis\n')
  })

  test('streams lines as they come', async () => {
    const lines: string[] = []
    await exec('bash', ['-c', 'echo one; echo two >&2; printf three'], {
      onStdoutLine: l => lines.push(`out:${l}`),
      onStderrLine: l => lines.push(`err:${l}`)
    })
    expect(lines.sort()).toEqual(['err:two', 'out:one', 'out:three'])
  })

  test('a timeout kills the command and the children it started', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exec-'))
    try {
      const marker = path.join(dir, 'child-survived')
      const r = await exec('bash', ['-c', `(sleep 2; touch '${marker}') & sleep 30`], {
        timeoutMs: 300
      })
      expect(r.timedOut).toBe(true)
      expect(r.code).toBeNull()
      await new Promise(res => setTimeout(res, 2500))
      expect(existsSync(marker)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a command that does not exist rejects with a SpawnError', async () => {
    await expect(exec('imagegraph-no-such-command', [])).rejects.toBeInstanceOf(SpawnError)
  })
})
