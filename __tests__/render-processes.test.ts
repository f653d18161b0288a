// The results of a processes run as text, markdown and JSON.
import type { ProcessResult, ProcessesRun } from '../src/core/process-results.js'
import { processesFailed, processesToJson } from '../src/core/process-results.js'
import {
  formatBytes,
  processCounts,
  processesMarkdown,
  processesText
} from '../src/core/render/processes.js'

function result(
  name: string,
  outcome: ProcessResult['outcome'],
  extra: Partial<ProcessResult> = {}
): ProcessResult {
  return {
    name,
    outcome,
    key: 'k'.repeat(64),
    affected: false,
    neededBy: [],
    bytesRestored: 0,
    bytesSaved: 0,
    seconds: 0,
    cacheWarnings: [],
    ...extra
  }
}

const RUN: ProcessesRun = {
  cache: 'local:/cache',
  saveCache: true,
  processes: [
    result('gen', 'hit', { bytesRestored: 2048, neededBy: ['api'], seconds: 0.2 }),
    result('render', 'ran', { affected: true, bytesSaved: 10, seconds: 3.5 }),
    result('bad_one', 'failed', {
      affected: true,
      message: 'exited with code 2',
      outputTail: ['ok', '</pre><script>x</script>', '| a | b |', '', '`code` *em* [l](http://x)'],
      seconds: 1
    }),
    result('after', 'skipped', { message: 'skipped: process bad_one failed' }),
    result('idle', 'not-needed'),
    result('slow', 'ran', {
      affected: true,
      cacheWarnings: ['save imagegraph-v1-process-slow-k (gha): 429 <too many> | retry']
    })
  ]
}

test.each([
  [0, '0 B'],
  [1023, '1023 B'],
  [1024, '1.0 KiB'],
  [1536, '1.5 KiB'],
  [20 * 1024 * 1024, '20 MiB']
])('%p bytes is %p', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text)
})

test('counts name each outcome that occurred', () => {
  expect(processCounts(RUN)).toBe('2 ran, 1 restored, 1 failed, 1 skipped, 1 not needed')
  expect(processCounts({ ...RUN, processes: [] })).toBe('no processes')
})

test('text: a table of the handled processes, then each failure with its last lines', () => {
  expect(processesText(RUN)).toBe(
    [
      'processes: 2 ran, 1 restored, 1 failed, 1 skipped, 1 not needed (cache local:/cache)',
      'PROCESS  RESULT    TIME  CACHE             NOTE',
      'gen      restored  0.2s  2.0 KiB restored  needed by api',
      'render   ran       3.5s  10 B saved        affected',
      'bad_one  failed    1s                      exited with code 2',
      'after    skipped   0s                      skipped: process bad_one failed',
      'slow     ran       0s                      affected; cache: 1 warning',
      '',
      'bad_one failed: exited with code 2',
      '  | ok',
      '  | </pre><script>x</script>',
      '  | | a | b |',
      '  | ',
      '  | `code` *em* [l](http://x)',
      'warning: slow: save imagegraph-v1-process-slow-k (gha): 429 <too many> | retry',
      ''
    ].join('\n')
  )
})

describe('markdown', () => {
  const md = processesMarkdown(RUN)

  test('a section with a row per handled process and the rest named once', () => {
    expect(md).toContain('### Processes\n\n2 ran, 1 restored, 1 failed, 1 skipped, 1 not needed')
    expect(md).toContain(
      '| <code>gen</code> | restored | 0.2s | 2.0 KiB restored | needed by api |'
    )
    expect(md).toContain('| <code>bad&#95;one</code> | **failed** | 1s |  | exited with code 2 |')
    expect(md).toContain('Not needed by this run: <code>idle</code>')
  })

  test('output cannot close its block, add markup, or break the table', () => {
    expect(md).toContain(
      '<pre>ok\n&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;\n| a | b |\n\n`code` *em* [l](http://x)</pre>'
    )
    expect(md).not.toContain('<script>')
    expect(md).toContain(
      '- <code>slow</code>: save imagegraph-v1-process-slow-k &#40;gha&#41;: 429 &lt;too many&gt; &#124; retry'
    )
  })

  test('a run that may not save says so', () => {
    expect(processesMarkdown({ ...RUN, saveCache: false })).toContain(
      '(cache <code>local&#58;/cache</code>, not saved)'
    )
  })
})

test('JSON: every process by name, and the names per outcome', () => {
  const json = processesToJson(RUN)
  expect(json.schema).toBe('imagegraph-processes/v1')
  expect(Object.keys(json.processes)).toEqual(['gen', 'render', 'bad_one', 'after', 'idle', 'slow'])
  expect(json.processes.gen).toMatchObject({ outcome: 'hit', bytesRestored: 2048 })
  expect(json).toMatchObject({
    hit: ['gen'],
    ran: ['render', 'slow'],
    failed: ['bad_one'],
    skipped: ['after']
  })
  expect(processesFailed(RUN)).toEqual(['bad_one'])
})
