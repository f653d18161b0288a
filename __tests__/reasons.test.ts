// Reason chains of deep graphs: shared links, elided when long, output linear in the graph.
import type { ChangedFile, TrackedFile } from '../src/core/changes.js'
import { formatProblem } from '../src/core/errors.js'
import { plan, planToJson } from '../src/core/plan.js'
import type { Plan } from '../src/core/plan.js'
import { MAX_SHOWN_STEPS, chainSteps, renderChain } from '../src/core/reasons.js'
import { planText, whyText } from '../src/core/report.js'
import { summaryMarkdown } from '../src/core/summary.js'

const oid = (i: number) => i.toString(16).padStart(40, '0')
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** img0 <- img1 <- ... <- img(n-1): each image built on the previous one. */
function chainPlan(n: number, changed: string[] = ['services/img0/app.txt']): Plan {
  const lines = ['version: 1', 'images:']
  const trackedFiles: TrackedFile[] = []
  for (let i = 0; i < n; i++) {
    lines.push(`  img${i}:`, `    context: services/img${i}`)
    if (i > 0) lines.push(`    inputs: [img${i - 1}]`)
    trackedFiles.push(
      { path: `services/img${i}/Dockerfile`, mode: '100644', oid: oid(2 * i + 1) },
      { path: `services/img${i}/app.txt`, mode: '100644', oid: oid(2 * i + 2) }
    )
  }
  const text = `${lines.join('\n')}\n`
  const changedFiles: ChangedFile[] = changed.map(path => ({ path, status: 'modified' }))
  return plan({
    graphText: text,
    graphFile: 'imagegraph.yml',
    baseGraphText: text,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    changedFiles,
    trackedFiles
  })
}

describe('a chain of 2,000 images, its first changed', () => {
  let p: Plan
  beforeAll(() => {
    p = chainPlan(2000)
  })

  test('a long chain is shown by its first two and last two steps, with the number left out', () => {
    expect(p.nodes.get('img1999')!.reasons).toEqual([
      'services/img0/app.txt -> image img0 -> … 1997 more … -> image img1998 -> image img1999'
    ])
    expect(p.nodes.get('img1999')!.reasonCount).toBe(1)
    // Short chains are whole.
    expect(p.nodes.get('img3')!.reasons).toEqual([
      'services/img0/app.txt -> image img0 -> image img1 -> image img2 -> image img3'
    ])
    expect(p.nodes.get('img4')!.reasons).toEqual([
      'services/img0/app.txt -> image img0 -> image img1 -> image img2 -> image img3 -> image img4'
    ])
    expect(p.nodes.get('img5')!.reasons).toEqual([
      'services/img0/app.txt -> image img0 -> … 3 more … -> image img4 -> image img5'
    ])
  })

  test('the plan JSON, text and summary grow with the graph, not with its depth squared', () => {
    const json = JSON.stringify(planToJson(p, formatProblem))
    // About 200 bytes per node; whole chains made it 53 MB.
    expect(bytes(json)).toBeLessThan(2000 * 400)
    expect(bytes(planText(p))).toBeLessThan(2000 * 300)
    for (const n of p.nodes.values()) for (const r of n.reasons) expect(r.length).toBeLessThan(200)
    expect(bytes(summaryMarkdown(p, { baseWhy: 'x' }))).toBeLessThan(1_000_000)
  })

  test("why NODE prints the one node's chain in full", () => {
    const text = whyText(p, p.nodes.get('img1999')!)
    const chain = text.split('\n').find(l => l.startsWith('  services/img0/app.txt'))!
    const steps = chain.trim().split(' -> ')
    expect(steps).toHaveLength(2001)
    expect(steps[0]).toBe('services/img0/app.txt')
    expect(steps[1000]).toBe('image img999')
    expect(steps[2000]).toBe('image img1999')
  })

  test('chains share their upstream links rather than copying them', () => {
    const last = p.nodes.get('img1999')!.chains[0]
    const before = p.nodes.get('img1998')!.chains[0]
    expect(last.upstream).toBe(before)
    expect(last.length).toBe(2001)
    expect(chainSteps(last)).toHaveLength(2001)
  })
})

test.each([
  [0, 'f -> image img0'],
  // MAX_SHOWN_STEPS (6) steps: whole; one more and the middle is elided.
  [4, 'f -> image img0 -> image img1 -> image img2 -> image img3 -> image img4'],
  [5, 'f -> image img0 -> … 3 more … -> image img4 -> image img5'],
  [9, 'f -> image img0 -> … 7 more … -> image img8 -> image img9']
])('image %i of a chain from f renders as %j', (i, want) => {
  const p = chainPlan(10, ['services/img0/f'])
  const chain = p.nodes.get(`img${i}`)!.chains[0]
  expect(chain.length > MAX_SHOWN_STEPS).toBe(i >= 5)
  expect(renderChain(chain).replace('services/img0/', '')).toBe(want)
  expect(renderChain(chain, Infinity).split(' -> ')).toHaveLength(i + 2)
})
