// The job summary and the PR comment of large plans: within GitHub's size limits, never empty,
// truncated with a note, and safe to render (table cells escaped, blocks closed).
import type { ChangedFile, TrackedFile } from '../src/core/changes.js'
import { formatProblem } from '../src/core/errors.js'
import { MAX_PLAN_OUTPUT, planOutput } from '../src/core/outputs.js'
import { plan, planToJson } from '../src/core/plan.js'
import type { PlanJson } from '../src/core/plan.js'
import type { Plan } from '../src/core/plan.js'
import { cell } from '../src/core/render/text.js'
import {
  COMMENT_BUDGET,
  SUMMARY_BUDGET,
  commentMarker,
  summaryMarkdown
} from '../src/core/summary.js'

const MIB = 1024 * 1024
const BASE = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)
const oid = (i: number) => i.toString(16).padStart(40, '0')

/** configs c0..c(n-1), a process per config, images img0..img(m-1) fed by process p(i % n). */
function largeGraph(configs: number, images: number): { text: string; tracked: TrackedFile[] } {
  const lines = ['version: 1', 'configs:']
  const tracked: TrackedFile[] = []
  let n = 0
  const track = (path: string) => tracked.push({ path, mode: '100644', oid: oid(++n) })
  for (let i = 0; i < configs; i++) {
    lines.push(`  c${i}:`, `    paths: ["config/c${i}/**"]`)
    track(`config/c${i}/settings.yaml`)
  }
  lines.push('processes:')
  for (let i = 0; i < configs; i++)
    lines.push(`  p${i}:`, `    inputs: [c${i}]`, `    run: ./render.sh ${i}`)
  lines.push('images:')
  for (let i = 0; i < images; i++) {
    lines.push(`  img${i}:`, `    context: services/img${i}`, `    inputs: [p${i % configs}]`)
    track(`services/img${i}/Dockerfile`)
    track(`services/img${i}/app.txt`)
  }
  return { text: `${lines.join('\n')}\n`, tracked }
}

function largePlan(changedFiles: ChangedFile[], everythingBecause?: string): Plan {
  const { text, tracked } = largeGraph(100, 3000)
  return plan({
    graphText: text,
    graphFile: 'imagegraph.yml',
    baseGraphText: text,
    base: BASE,
    head: HEAD,
    changedFiles,
    trackedFiles: tracked,
    ...(everythingBecause ? { everythingBecause } : {})
  })
}

const modified = (path: string): ChangedFile => ({ path, status: 'modified' })
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** Markdown that renders as meant: every <details> and code fence closed. */
function expectBalanced(md: string) {
  expect(md.split('<details>').length).toBe(md.split('</details>').length)
  expect(md.split('\n').filter(l => l.startsWith('```')).length % 2).toBe(0)
}

/** The rows of the Images table (`| **name** | ...`). */
const imageRows = (md: string) => {
  const section = md.slice(md.indexOf('### Images'), md.indexOf('### Processes'))
  return section.split('\n').filter(l => l.startsWith('| **'))
}

/** The pipes that separate cells: `|` not escaped. */
const cellSeparators = (row: string) => row.split('|').length - 1

// Every config changes by three files deep down, so all 3,000 images are affected, each by way
// of three long chains (rows of about 600 bytes: 1.8 MB in all); a weird path that a table cell
// must escape is among the changes.
const WEIRD = 'config/c0/a|b <x>.yaml'
const DEEP = 'environments/production/eu-west-1/settings-of-the-service'
const everyConfig = [
  modified(WEIRD),
  ...Array.from({ length: 100 }, (_, i) =>
    ['limits', 'features', 'secrets'].map(f => modified(`config/c${i}/${DEEP}/${f}.yaml`))
  ).flat()
]
let all: Plan
let few: Plan
beforeAll(() => {
  all = largePlan(everyConfig)
  few = largePlan([modified('config/c7/settings.yaml')])
})

describe('a plan of 3,000 affected images', () => {
  test('the job summary stays under 1 MiB, keeps the headline and notes the rows left out', () => {
    const md = summaryMarkdown(all, { baseWhy: 'push to main: aaaa..bbbb' })
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(bytes(md)).toBeLessThan(MIB)
    expect(md.startsWith(`${commentMarker('imagegraph.yml')}\n`)).toBe(true)
    expect(md).toContain('## imagegraph: 3000 of 3000 images affected')
    expect(md).toContain('push to main: aaaa..bbbb')
    const rows = imageRows(md)
    expect(rows.length).toBeGreaterThan(100)
    expect(rows.length).toBeLessThan(3000)
    // Listed in build order from the first, the rest counted, not dropped silently.
    expect(rows[0]).toMatch(/^\| \*\*img0\*\* \| /)
    expect(md).toContain(
      `*${3000 - rows.length} more affected images are not listed here (size limit); the \`plan\` output has them all.*`
    )
    // The diagram cannot show 3,200 affected nodes: left out, and said so.
    expect(md).not.toContain('```mermaid')
    expect(md).toMatch(/The diagram is left out: \d+ affected nodes and inputs are more than/)
    expectBalanced(md)
  })

  test('the PR comment stays under 60,000 characters, with the same headline', () => {
    const md = summaryMarkdown(all, { baseWhy: 'pull request #42' }, COMMENT_BUDGET)
    expect(bytes(md)).toBeLessThanOrEqual(COMMENT_BUDGET)
    expect(md.length).toBeLessThan(65_536)
    expect(md).toContain('## imagegraph: 3000 of 3000 images affected')
    const rows = imageRows(md)
    expect(rows.length).toBeGreaterThan(10)
    expect(md).toContain(`*${3000 - rows.length} more affected images are not listed here`)
    expect(md).toContain('### Graph')
    expectBalanced(md)
  })

  test('the plan output fits its size limit too, keeping every affected image and its key', () => {
    const json = planToJson(all, formatProblem)
    expect(JSON.stringify(json).length).toBeGreaterThan(MAX_PLAN_OUTPUT)
    const text = planOutput(json)
    expect(text.length).toBeLessThanOrEqual(MAX_PLAN_OUTPUT)
    const out = JSON.parse(text) as PlanJson & { truncated?: string }
    expect(out.truncated).toMatch(/to fit the output size limit$/)
    expect(out.affectedImages).toEqual(json.affectedImages)
    expect(out.affectedImages).toHaveLength(3000)
    for (const name of json.affectedImages) expect(out.images[name].key).toBe(json.images[name].key)
    expect(out.images.img42.reasonCount).toBe(json.images.img42.reasonCount)
    // A plan that fits is left whole.
    const small = planToJson(few, formatProblem)
    expect(planOutput(small)).toBe(JSON.stringify(small))
  })

  test('every node affected for want of a base: the warning survives truncation', () => {
    const p = largePlan([], 'base unavailable: commit dead0000beef cannot be fetched')
    for (const limit of [SUMMARY_BUDGET, COMMENT_BUDGET]) {
      const md = summaryMarkdown(p, { baseWhy: 'push to main' }, limit)
      expect(bytes(md)).toBeLessThanOrEqual(limit)
      expect(md).toContain('## imagegraph: 3000 of 3000 images affected')
      expect(md).toContain(
        '> Every node is affected: base unavailable: commit dead0000beef cannot be fetched'
      )
      expectBalanced(md)
    }
  })
})

describe('a plan of 3,000 images, 30 affected', () => {
  test('the diagram collapses the unaffected nodes and says how many', () => {
    const md = summaryMarkdown(few, { baseWhy: 'push to main' })
    expect(md).toContain('## imagegraph: 30 of 3000 images affected')
    expect(imageRows(md)).toHaveLength(30)
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1]
    expect(diagram).toBeDefined()
    // The affected images, their process and config; nothing else.
    expect(diagram).toContain('"image img7"')
    expect(diagram).toContain('"image img2907"')
    expect(diagram).toContain('"process p7"')
    expect(diagram).toContain('"config c7"')
    expect(diagram).not.toContain('"image img8"')
    expect(diagram).not.toContain('"config c8"')
    expect(diagram!.split('\n').filter(l => /^ {2}n\d+[[(/]/.test(l))).toHaveLength(32)
    expect(md).toContain(`*${3200 - 32} unaffected nodes are collapsed out of the diagram.*`)
    // The 2,970 unaffected images fit under a fold.
    expect(md).toContain('<details><summary>2970 images not affected</summary>')
    expectBalanced(md)
  })

  test('in the PR comment the long list of unaffected images is cut with a count', () => {
    const md = summaryMarkdown(few, { baseWhy: 'push to main' }, COMMENT_BUDGET)
    expect(bytes(md)).toBeLessThanOrEqual(COMMENT_BUDGET)
    expect(imageRows(md)).toHaveLength(30)
    const listed = md.split('\n').filter(l => /^- img\d+ `[0-9a-f]{12}`$/.test(l)).length
    expect(listed).toBeGreaterThan(0)
    expect(listed).toBeLessThan(2970)
    expect(md).toContain(`- … and ${2970 - listed} more`)
    // A diagram of the affected part, or a note that it did not fit: never a broken block.
    expect(md).toMatch(/```mermaid\n|The diagram is left out/)
    expectBalanced(md)
  })
})

test('a thousand warnings do not crowd the affected images out of the comment', () => {
  // Configs whose globs match no tracked file (allowed), and a warning for each of them.
  const lines = ['version: 1', 'configs:']
  for (let i = 0; i < 1000; i++)
    lines.push(
      `  c${i}:`,
      `    paths: ["retired/config/of/service/c${i}/**"]`,
      '    allow-empty: true'
    )
  lines.push('images:', '  api:', '    context: api', '    inputs: [c1]')
  const text = `${lines.join('\n')}\n`
  const p = plan({
    graphText: text,
    graphFile: 'imagegraph.yml',
    baseGraphText: text,
    base: BASE,
    head: HEAD,
    changedFiles: [modified('api/server.go')],
    trackedFiles: [
      { path: 'api/Dockerfile', mode: '100644', oid: oid(1) },
      { path: 'api/server.go', mode: '100644', oid: oid(2) }
    ]
  })
  for (let i = 0; i < 1000; i++)
    p.warnings.push({
      file: 'imagegraph.yml',
      line: 4 + 3 * i,
      col: 12,
      path: `configs.c${i}.paths`,
      message: `matches no tracked file (retired/config/of/service/c${i}/**)`,
      severity: 'warning'
    })
  for (const limit of [COMMENT_BUDGET, 100_000]) {
    const md = summaryMarkdown(p, { baseWhy: 'push to main' }, limit)
    expect(bytes(md)).toBeLessThanOrEqual(limit)
    expect(md).toContain('## imagegraph: 1 of 1 image affected')
    expect(md).toContain(
      '| Image | Why | Key |\n|---|---|---|\n| **api** | <code>api/server.go -&gt; image api</code>'
    )
    const shown = md.split('\n').filter(l => l.includes('matches no tracked file')).length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(1000)
    expect(md).toContain(
      `> ${1000 - shown} more warnings are not shown here (size limit); the \`plan\` output has them all.`
    )
    expect(md).toContain('```mermaid')
    expectBalanced(md)
  }
})

describe('table cells', () => {
  test('escape | and < in paths, so a row keeps its three columns', () => {
    const md = summaryMarkdown(all, { baseWhy: 'a|b <script>' })
    const row = imageRows(md)[0]
    expect(row).toContain(
      '<code>config/c0/a&#124;b &lt;x&gt;.yaml -&gt; config c0 -&gt; process p0 -&gt; image img0</code>'
    )
    expect(row).not.toContain('<x>')
    expect(cellSeparators(row)).toBe(4)
    for (const r of imageRows(md)) expect(cellSeparators(r)).toBe(4)
    // The base line and the changed-file list are escaped the same way.
    expect(md).toContain(': a&#124;b &lt;script&gt;')
    expect(md).not.toContain('<script>')
    expect(md).toContain('- modified: <code>config/c0/a&#124;b &lt;x&gt;.yaml</code>')
  })

  test.each([
    ['a|b', 'a&#124;b'],
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['AT&T', 'AT&amp;T'],
    ['two\nlines', 'two␊lines'],
    ['crlf\r\nend', 'crlf␍␊end'],
    ['plain/path.yaml', 'plain/path.yaml']
  ])('cell(%j) is %j', (text, want) => {
    expect(cell(text)).toBe(want)
  })

  test('chains beyond three per row are counted, not listed', () => {
    // img1 is reached from c1 by three changed files: three chains, all listed.
    const md = summaryMarkdown(all, { baseWhy: 'x' })
    const row = imageRows(md)[1]
    expect(all.nodes.get('img1')!.reasons).toHaveLength(3)
    expect(row.split('<code>').length - 1).toBe(3)
    expect(row).not.toContain('more')
    const many = largePlan(
      Array.from({ length: 6 }, (_, i) => modified(`config/c0/extra-${i}.yaml`))
    )
    const manyRow = imageRows(summaryMarkdown(many, { baseWhy: 'x' }))[0]
    expect(manyRow.split('<code>').length - 1).toBe(3)
    expect(manyRow).toContain('+3 more')
  })
})
