// The `plan` output always fits GitHub's output limit, counted in bytes of UTF-8, however large the
// plan: it is cut in stages, and says how.
import type { ChangedFile, TrackedFile } from '../src/core/changes.js'
import { formatProblem } from '../src/core/errors.js'
import { MAX_PLAN_OUTPUT, digestsOutput, planOutput } from '../src/core/outputs.js'
import type { PlanOutputJson } from '../src/core/outputs.js'
import { plan, planToJson } from '../src/core/plan.js'
import type { PlanJson } from '../src/core/plan.js'

const oid = (i: number) => i.toString(16).padStart(40, '0')
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** `images` images, each with one changed file of a non-ASCII name: every one affected. */
function wideJson(images: number, unaffected = 0): PlanJson {
  const lines = ['version: 1', 'images:']
  const trackedFiles: TrackedFile[] = []
  const changedFiles: ChangedFile[] = []
  for (let i = 0; i < images + unaffected; i++) {
    lines.push(`  img${i}:`, `    context: services/img${i}`)
    trackedFiles.push({ path: `services/img${i}/Dockerfile`, mode: '100644', oid: oid(2 * i + 1) })
    const file = `services/img${i}/données-été-日本語-${i}.txt`
    trackedFiles.push({ path: file, mode: '100644', oid: oid(2 * i + 2) })
    if (i < images) changedFiles.push({ path: file, status: 'modified' })
  }
  const text = `${lines.join('\n')}\n`
  return planToJson(
    plan({
      graphText: text,
      graphFile: 'imagegraph.yml',
      baseGraphText: text,
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      changedFiles,
      trackedFiles
    }),
    formatProblem
  )
}

test('20,000 affected images with non-ASCII file names: under the limit in bytes, names kept', () => {
  const json = wideJson(20_000, 2_000)
  const text = planOutput(json)
  expect(bytes(text)).toBeLessThanOrEqual(MAX_PLAN_OUTPUT)
  const out = JSON.parse(text) as PlanOutputJson
  expect(out.truncated).toMatch(/to fit the output size limit/)
  expect(out.counts).toEqual({
    configs: 0,
    changedConfigs: 0,
    processes: 0,
    affectedProcesses: 0,
    images: 22_000,
    affectedImages: 20_000,
    changedFiles: 20_000,
    warnings: 0
  })
  // Every affected image is still named, in build order.
  expect(out.affectedImages).toEqual(json.affectedImages)
  expect(out.base).toBe(json.base)
  expect(out.head).toBe(json.head)
})

test('the limit counts bytes: a plan under it in characters but over it in bytes is cut', () => {
  const json = wideJson(200)
  const full = JSON.stringify(json)
  expect(bytes(full)).toBeGreaterThan(full.length)
  const limit = Math.floor((full.length + bytes(full)) / 2)
  const text = planOutput(json, limit)
  expect(text).not.toBe(full)
  expect(bytes(text)).toBeLessThanOrEqual(limit)
  expect((JSON.parse(text) as PlanOutputJson).truncated).toMatch(/to fit the output size limit$/)
})

test.each([
  // [limit, what the output says, whether the nodes' keys are kept]
  [115_000, /^reasons left out/, 'all'],
  [90_000, /^only affected nodes listed/, 'affected'],
  [5_000, /^no nodes listed: only the names/, 'none'],
  [1_200, /^no nodes listed, and only the first \d+ names/, 'none']
])('at %i bytes: %s', (limit, says, keys) => {
  const json = wideJson(200, 150)
  const text = planOutput(json, limit)
  expect(bytes(text)).toBeLessThanOrEqual(limit)
  const out = JSON.parse(text) as PlanOutputJson
  expect(out.truncated).toMatch(says)
  expect(out.counts!.affectedImages).toBe(200)
  expect(out.counts!.images).toBe(350)
  const listed = Object.keys(out.images)
  if (keys === 'all') expect(listed).toHaveLength(350)
  if (keys === 'affected') expect(listed).toEqual(json.affectedImages)
  if (keys === 'none') expect(listed).toEqual([])
  for (const name of listed) expect(out.images[name].key).toBe(json.images[name].key)
  // The names kept are the first ones, in build order.
  expect(out.affectedImages).toEqual(json.affectedImages.slice(0, out.affectedImages.length))
  if (limit >= 5_000) expect(out.affectedImages).toHaveLength(200)
  else expect(out.affectedImages.length).toBeGreaterThan(0)
})

test('digests: whole when it fits, else an error that points to results-file (never a map cut short)', () => {
  const digests = Object.fromEntries(
    Array.from({ length: 10_000 }, (_, i) => [
      `img-${i}`,
      `registry.example/team/img-${i}@sha256:${'a'.repeat(64)}`
    ])
  )
  const few = Object.fromEntries(Object.entries(digests).slice(0, 100))
  expect(JSON.parse(digestsOutput(few))).toEqual(few)
  expect(() => digestsOutput(digests)).toThrow(
    /digests of 10000 images do not fit GitHub's output limit \(900000 bytes\); read results-file/
  )
  expect(Buffer.byteLength(JSON.stringify(digests))).toBeGreaterThan(MAX_PLAN_OUTPUT)
})
