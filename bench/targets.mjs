// Issue 12's targets, judged from bench/results.json's figures: plan cost near the git floor on
// large and on packages, ahead of turbo; flat in files no node names (huge against large); and no
// slower than the baseline (the results before issue 12) on every size and shape measured then.
// Then issue 13's, a section of their own: on the root-context shape (rootctx), planning no slower
// than the build before issue 13, and the affected images narrowed to what the Dockerfiles copy.
//
// Every speed ratio is the median of the ratios taken within a round (both commands ran in the
// same round, so a slow moment on the machine slows both), except huge / large, which compares
// two sizes' medians: those sizes must come from the same run to mean much, and the row says
// when they do not.

export const ISSUE = 12
export const ROOT_CONTEXT_ISSUE = 13
// Shapes whose "no slower" row belongs to a later issue's section, not to issue 12's.
const ISSUE_OF_SHAPE = { rootctx: ROOT_CONTEXT_ISSUE }
const ROOT_CONTEXT_SHAPE = 'rootctx'
const FLOOR_LIMIT = 1.5
const FLAT_LIMIT = 1.3
const HUGE_MEMORY_LIMIT_MB = 150

const median = values => {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const round = (value, digits = 3) => (value == null ? null : Number(value.toFixed(digits)))
const fmtMs = ms => (ms == null ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const fmtX = x => `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}x`
const fmtPercent = fraction => `${Math.ceil(fraction * 100)}%`
const faster = ratio => (ratio < 0.995 ? `${Math.round((1 - ratio) * 100)}% faster` : 'as fast')
const spread = values =>
  values.length > 1 ? `rounds ${fmtX(Math.min(...values))}–${fmtX(Math.max(...values))}` : '1 round'
const when = iso => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'an unknown time')

const timedOn = r =>
  Boolean(r && !r.imagegraph?.skipped && r.commands?.imagegraph?.medianMs != null)

/**
 * The baseline for "no slower anywhere else": imagegraph's figures per size and shape from the
 * results as they were before a run (bench/results.json read before it is overwritten). `source`
 * says where they came from (the file's commit). Sizes without imagegraph timed are left out.
 */
export function baselineFrom(previous, source) {
  const sizes = {}
  for (const [size, r] of Object.entries(previous?.sizes ?? {})) {
    if (!timedOn(r)) continue
    sizes[size] = {
      medianMs: r.commands.imagegraph.medianMs,
      fullFloorMs: r.fullFloor?.medianMs ?? null,
      toFullFloor: r.ratios?.fullFloor?.median ?? null,
      maxRssKiB: Math.max(0, ...(r.commands.imagegraph.maxRssKiB ?? []).filter(Number.isFinite)),
      measuredAt: r.measuredAt ?? null,
      cliSha256: r.imagegraph?.cliSha256 ?? null,
      loadAverage1m: r.loadAverage1m ?? null
    }
  }
  const shapes = {}
  for (const [shape, r] of Object.entries(previous?.shapes ?? {})) {
    const entry = shapeBaselineFrom(r)
    if (entry) shapes[shape] = entry
  }
  return { source, takenAt: new Date().toISOString(), sizes, shapes }
}

/**
 * One shape's baseline figures from its results: plan's median wall and CPU time, when and under
 * what load, which build, and (rootctx) which set of images the plan affected then. `source` is
 * set when the entry is taken apart from the rest of the baseline (run.mjs --baseline-shapes).
 */
export function shapeBaselineFrom(r, source) {
  const plan = r?.commands?.plan
  if (plan?.medianMs == null) return null
  return {
    planMedianMs: plan.medianMs,
    planCpuMs: plan.medianCpuMs ?? null,
    measuredAt: r.measuredAt ?? null,
    loadAverage1m: r.loadAverage1m ?? null,
    ...(source
      ? {
          source,
          rounds: r.rounds ?? null,
          samplesMs: plan.samplesMs ?? null,
          cliSha256: r.imagegraph?.cliSha256 ?? null
        }
      : {}),
    ...(r.check?.scope
      ? {
          affected: {
            images: r.check.affectedImages,
            of: r.check.ofImages,
            scope: r.check.scope
          }
        }
      : {})
  }
}

function notMeasured(row, why) {
  return { ...row, value: null, measured: why, met: null, verdict: '–' }
}

/** imagegraph / (git ls-files + git diff + node -e 0) on one size: at most `limit`. */
function floorRow(sizes, size, limit) {
  const row = {
    id: `${size}-floor`,
    size,
    target: `${size}: the full plan at most ${limit}x the floor`,
    limit
  }
  const r = sizes[size]
  const ratios = timedOn(r) ? (r.ratios?.fullFloor?.perRound ?? []) : []
  if (ratios.length === 0) return notMeasured(row, `not measured on ${size}`)
  const value = median(ratios)
  const met = value <= limit
  return {
    ...row,
    value: round(value),
    measured: `imagegraph / floor = ${fmtX(value)} (${spread(ratios)}; ${fmtMs(r.commands.imagegraph.medianMs)} ms against ${fmtMs(r.fullFloor.medianMs)} ms)`,
    met,
    verdict: met
      ? `met, ${fmtX(limit / value)} to spare`
      : `missed by ${fmtX(value / limit)}: imagegraph needs ${fmtPercent(1 - limit / value)} less time (about ${fmtMs(limit * r.fullFloor.medianMs)} ms at this floor)`
  }
}

/**
 * peer / imagegraph on one size: at least `limit` (a speed-up), or above 1 when `faster` (the
 * issue says "faster than", so equal is not enough).
 */
function speedUpRow(sizes, size, peer, limit, faster = false) {
  const r = sizes[size]
  const label = r?.commands?.[peer]?.label ?? peer
  const row = {
    id: `${size}-${peer}`,
    size,
    target: faster
      ? `${size}: faster than \`${label}\``
      : `${size}: at least ${limit}x faster than \`${label}\``,
    limit
  }
  const speedUps =
    timedOn(r) && !r.commands[peer]?.error ? (r.ratios?.[peer]?.perRound ?? []).map(x => 1 / x) : []
  if (speedUps.length === 0) return notMeasured(row, `not measured on ${size}`)
  const value = median(speedUps)
  const met = faster ? value > limit : value >= limit
  return {
    ...row,
    value: round(value),
    measured: `${label} / imagegraph = ${fmtX(value)} (${spread(speedUps)}; ${fmtMs(r.commands[peer].medianMs)} ms against ${fmtMs(r.commands.imagegraph.medianMs)} ms)`,
    met,
    verdict: met
      ? `met, ${fmtX(value / limit)} to spare`
      : `missed by ${fmtX(limit / value)}: imagegraph needs ${fmtPercent(1 - value / limit)} less time`
  }
}

/** huge's imagegraph median over large's: at most FLAT_LIMIT; the two should share a run. */
function flatTimeRow(sizes) {
  const row = {
    id: 'flat-time',
    size: 'huge',
    target: `huge (large's graph, 10x the files): plan within ${FLAT_LIMIT}x of large`,
    limit: FLAT_LIMIT
  }
  const [huge, large] = [sizes.huge, sizes.large]
  if (!timedOn(huge) || !timedOn(large))
    return notMeasured(row, 'needs huge and large measured (`--sizes large,huge`)')
  const value = huge.commands.imagegraph.medianMs / large.commands.imagegraph.medianMs
  const sameRun = huge.runStartedAt && huge.runStartedAt === large.runStartedAt
  const sameBuild = huge.imagegraph.cliSha256 === large.imagegraph.cliSha256
  const caution = sameRun
    ? ''
    : `; CAUTION: from different runs (large ${when(large.measuredAt)}, huge ${when(huge.measuredAt)}${sameBuild ? '' : ', different builds'}): run \`--sizes large,huge\` together`
  const met = value <= FLAT_LIMIT
  const floors =
    huge.fullFloor?.medianMs != null && large.fullFloor?.medianMs != null
      ? `; the floor grows ${fmtX(huge.fullFloor.medianMs / large.fullFloor.medianMs)} (${fmtMs(large.fullFloor.medianMs)} → ${fmtMs(huge.fullFloor.medianMs)} ms)`
      : ''
  return {
    ...row,
    value: round(value),
    sameRun: Boolean(sameRun),
    measured: `huge / large = ${fmtX(value)} (medians ${fmtMs(huge.commands.imagegraph.medianMs)} ms against ${fmtMs(large.commands.imagegraph.medianMs)} ms, ${huge.repo.files.toLocaleString('en')} against ${large.repo.files.toLocaleString('en')} files${floors})${caution}`,
    met,
    verdict: met
      ? `met, ${fmtX(FLAT_LIMIT / value)} to spare`
      : `missed by ${fmtX(value / FLAT_LIMIT)}: huge needs ${fmtPercent(1 - FLAT_LIMIT / value)} less time (about ${fmtMs(FLAT_LIMIT * large.commands.imagegraph.medianMs)} ms)`
  }
}

/** imagegraph's peak memory on huge: the highest ru_maxrss of its rounds, under the limit. */
function flatMemoryRow(sizes) {
  const row = {
    id: 'flat-memory',
    size: 'huge',
    target: `huge: peak memory under ${HUGE_MEMORY_LIMIT_MB} MB`,
    limit: HUGE_MEMORY_LIMIT_MB
  }
  const r = sizes.huge
  const rss = timedOn(r) ? r.commands.imagegraph.maxRssKiB.filter(Number.isFinite) : []
  if (rss.length === 0) return notMeasured(row, 'not measured on huge')
  const peakKiB = Math.max(...rss)
  const peakMB = (peakKiB * 1024) / 1e6
  const met = peakMB < HUGE_MEMORY_LIMIT_MB
  return {
    ...row,
    value: round(peakMB, 1),
    measured: `peak RSS ${peakMB.toFixed(0)} MB (${(peakKiB / 1024).toFixed(1)} MiB), the highest of ${rss.length} rounds`,
    met,
    verdict: met
      ? `met, ${(HUGE_MEMORY_LIMIT_MB - peakMB).toFixed(0)} MB to spare`
      : `missed by ${(peakMB - HUGE_MEMORY_LIMIT_MB).toFixed(0)} MB (${fmtX(peakMB / HUGE_MEMORY_LIMIT_MB)})`
  }
}

/**
 * One size against the baseline: imagegraph's median now at most the baseline's. Machine load
 * differs between runs, so the ratio to the floor (measured in the same rounds) is shown beside.
 */
function noSlowerSizeRow(sizes, size, then) {
  const row = {
    id: `no-slower-${size}`,
    size,
    target: `${size}: no slower than the baseline`,
    limit: 1
  }
  const r = sizes[size]
  if (!timedOn(r)) return notMeasured(row, `not measured on ${size}`)
  const now = r.commands.imagegraph.medianMs
  const value = now / then.medianMs
  const floorNow = r.ratios?.fullFloor?.median ?? null
  const floorThen = then.toFullFloor
  const floorText =
    floorNow != null && floorThen != null
      ? `; imagegraph / floor ${fmtX(floorThen)} then, ${fmtX(floorNow)} now (floor ${fmtMs(then.fullFloorMs)} → ${fmtMs(r.fullFloor.medianMs)} ms)`
      : ''
  const load = `; load ${then.loadAverage1m?.before ?? '?'}/${then.loadAverage1m?.after ?? '?'} then, ${r.loadAverage1m?.before ?? '?'}/${r.loadAverage1m?.after ?? '?'} now`
  const met = value <= 1
  const floorVerdict =
    floorNow != null && floorThen != null
      ? ` (against the floor: ${floorNow <= floorThen ? 'no slower' : `${fmtX(floorNow / floorThen)} slower`})`
      : ''
  return {
    ...row,
    value: round(value),
    toFullFloor: { then: floorThen, now: round(floorNow) },
    measured: `${fmtMs(then.medianMs)} ms then (${when(then.measuredAt)}), ${fmtMs(now)} ms now: ${fmtX(value)}${floorText}${load}`,
    met,
    verdict: met
      ? `met, ${faster(value)}${floorVerdict}`
      : `missed: ${fmtX(value)} the baseline${floorVerdict}`
  }
}

/** A graph shape against the baseline: plan's median now at most the baseline's; CPU beside. */
function noSlowerShapeRow(shapes, shape, then) {
  const row = {
    id: `no-slower-shape-${shape}`,
    size: `shape ${shape}`,
    target: `shape ${shape}: plan no slower than the baseline`,
    limit: 1
  }
  const plan = shapes?.[shape]?.commands?.plan
  if (plan?.medianMs == null) return notMeasured(row, `shape ${shape} not measured`)
  const value = plan.medianMs / then.planMedianMs
  const cpu =
    plan.medianCpuMs != null && then.planCpuMs != null
      ? `; CPU ${fmtMs(then.planCpuMs)} → ${fmtMs(plan.medianCpuMs)} ms (${fmtX(plan.medianCpuMs / then.planCpuMs)})`
      : ''
  const met = value <= 1
  return {
    ...row,
    value: round(value),
    measured: `${fmtMs(then.planMedianMs)} ms then (${when(then.measuredAt)}), ${fmtMs(plan.medianMs)} ms now: ${fmtX(value)}${cpu}`,
    met,
    verdict: met ? `met, ${faster(value)}` : `missed: ${fmtX(value)} the baseline`
  }
}

/** Every target of the issue, one row each; `met` is null where the figures are missing. */
export function assessTargets({ sizes, shapes, baseline }) {
  const rows = [
    floorRow(sizes, 'large', FLOOR_LIMIT),
    speedUpRow(sizes, 'large', 'turbo-dry', 5),
    speedUpRow(sizes, 'large', 'turbo-ls', 1, true),
    floorRow(sizes, 'packages', FLOOR_LIMIT),
    speedUpRow(sizes, 'packages', 'turbo-ls', 1, true),
    speedUpRow(sizes, 'packages', 'turbo-dry', 3),
    flatTimeRow(sizes),
    flatMemoryRow(sizes)
  ]
  for (const [size, then] of Object.entries(baseline?.sizes ?? {}))
    rows.push(noSlowerSizeRow(sizes, size, then))
  for (const [shape, then] of Object.entries(baseline?.shapes ?? {}))
    if ((ISSUE_OF_SHAPE[shape] ?? ISSUE) === ISSUE) rows.push(noSlowerShapeRow(shapes, shape, then))
  return { issue: ISSUE, rows }
}

const SCOPE_TEXT = {
  narrowed: 'narrowed to what the Dockerfiles copy',
  whole: 'the whole context, as before issue 13',
  neither: 'neither the narrowed nor the whole-context set: a wrong plan'
}
const affectedText = a => (a ? `${a.images} of ${a.of} affected, ${a.scope}` : 'affected unknown')

/**
 * rootctx's plan now against its baseline (the build before issue 13, taken with
 * --baseline-shapes rootctx): the median wall time at most the baseline's; CPU time, load and the
 * affected images then and now beside it.
 */
function rootContextNoSlowerRow(shapes, baseline) {
  const shape = ROOT_CONTEXT_SHAPE
  const row = {
    id: `${shape}-no-slower`,
    size: `shape ${shape}`,
    target: `${shape} (25 images, all \`context: .\`): plan no slower than before issue 13`,
    limit: 1
  }
  const then = baseline?.shapes?.[shape]
  if (!then)
    return notMeasured(
      row,
      'no baseline: `--shapes rootctx --baseline-shapes rootctx` with the build before issue 13'
    )
  const r = shapes?.[shape]
  const plan = r?.commands?.plan
  if (plan?.medianMs == null) return notMeasured(row, `shape ${shape} not measured`)
  const value = plan.medianMs / then.planMedianMs
  const cpuRatio =
    plan.medianCpuMs != null && then.planCpuMs != null ? plan.medianCpuMs / then.planCpuMs : null
  const cpu =
    cpuRatio != null
      ? `; CPU ${fmtMs(then.planCpuMs)} → ${fmtMs(plan.medianCpuMs)} ms (${fmtX(cpuRatio)})`
      : ''
  const load = `; load ${then.loadAverage1m?.before ?? '?'}/${then.loadAverage1m?.after ?? '?'} then, ${r.loadAverage1m?.before ?? '?'}/${r.loadAverage1m?.after ?? '?'} now`
  const affectedNow = r.check?.scope
    ? { images: r.check.affectedImages, of: r.check.ofImages, scope: r.check.scope }
    : null
  const fastest = (samples, min) => (samples?.length ? Math.min(...samples) : (min ?? null))
  const [fastThen, fastNow] = [fastest(then.samplesMs), fastest(plan.samplesMs, plan.minMs)]
  const fast =
    fastThen != null && fastNow != null
      ? `; fastest round ${fmtMs(fastThen)} → ${fmtMs(fastNow)} ms (${fmtX(fastNow / fastThen)})`
      : ''
  const sameBuild = then.cliSha256 != null && then.cliSha256 === r.imagegraph?.cliSha256
  const caution = sameBuild
    ? '; the same build as the baseline (nothing to compare yet: rebuild dist/ with the change and run again)'
    : ''
  // With --compare-build, the two builds ran in the same rounds: that ratio decides, since the
  // load cancels in it; the recorded baseline's figure stays beside it.
  const same = r.compared?.ratio?.median != null ? r.compared : null
  const sameText = same
    ? `. In the same rounds against the build of ${same.rev} (${same.commit}, build ${same.cliSha256}, ${affectedText(same.check?.scope ? { images: same.check.affectedImages, of: same.check.ofImages, scope: same.check.scope } : null)}): ` +
      `plan / that plan = ${fmtX(same.ratio.median)} (${spread(same.ratio.perRound)})` +
      (same.cliSha256 === r.imagegraph?.cliSha256
        ? ': the same build timed twice, so this is the noise of the ratio, not a comparison'
        : '')
    : ''
  const decisive = same ? same.ratio.median : value
  const met = decisive <= 1
  const against = same ? `the build of ${same.rev}, in the same rounds` : 'the baseline'
  // Whether "slower" stands out of the noise: a sign test over the rounds (this build slower in
  // k of n rounds; the chance of at least k if neither were slower). On this shared machine the
  // same build timed against itself lands a few percent either side of 1.
  const slowerRounds = same?.ratio?.perRound?.filter(x => x > 1).length ?? null
  const p = same ? signTestP(slowerRounds, same.ratio.perRound.length) : null
  const signText =
    p == null
      ? ''
      : `slower in ${slowerRounds} of ${same.ratio.perRound.length} rounds, sign test p = ${p.toFixed(2)}`
  return {
    ...row,
    value: round(decisive),
    againstRecorded: round(value),
    ...(same ? { sameRounds: round(same.ratio.median), slowerRounds, signTestP: round(p) } : {}),
    ...(cpuRatio != null ? { cpu: round(cpuRatio) } : {}),
    sameBuild,
    measured:
      `${fmtMs(then.planMedianMs)} ms then (${when(then.measuredAt)}, build ${then.cliSha256 ?? '?'}, ${affectedText(then.affected)}), ` +
      `${fmtMs(plan.medianMs)} ms now (build ${r.imagegraph?.cliSha256 ?? '?'}, ${affectedText(affectedNow)}): ${fmtX(value)}${cpu}${fast}${load}${caution}${sameText}`,
    met,
    verdict: met
      ? `met, ${faster(decisive)} ${decisive < 0.995 ? 'than' : 'as'} ${against}`
      : `missed: ${fmtX(decisive)} ${against}` +
        (p == null
          ? ''
          : p < 0.05
            ? ` (${signText}: slower beyond the noise)`
            : ` (${signText}: within the noise; more rounds, \`--runs 61\`, would tell)`) +
        (!same && cpuRatio != null && cpuRatio <= 1
          ? ' (CPU time no higher: the machine, more likely; `--compare-build` times both builds in the same rounds)'
          : '')
  }
}

/** P(X >= k) for X ~ Binomial(n, 1/2): how often k or more of n rounds are slower by chance. */
function signTestP(k, n) {
  let p = 0
  let choose = 1 // C(n, 0)
  for (let i = 0; i <= n; i++) {
    if (i >= k) p += choose
    choose = (choose * (n - i)) / (i + 1)
  }
  return p / 2 ** n
}

/** rootctx's affected images for one change: the narrowed set meets it, anything else does not. */
function rootContextScopeRow(shapes, { id, changedFile, check, expected }) {
  const images = expected?.narrowed ?? []
  const row = {
    id: `${ROOT_CONTEXT_SHAPE}-${id}`,
    size: `shape ${ROOT_CONTEXT_SHAPE}`,
    target: `${ROOT_CONTEXT_SHAPE}: a change to ${changedFile} affects ${images.length === 1 ? `${images[0]} alone` : `exactly the ${images.length} images that copy it`}`,
    limit: images.length
  }
  if (!check) return notMeasured(row, `shape ${ROOT_CONTEXT_SHAPE} not measured`)
  if (check.error)
    return {
      ...row,
      value: null,
      measured: `plan FAILED: ${check.error.split('\n')[0].slice(0, 120)}`,
      met: false,
      verdict: 'FAILED'
    }
  const met = check.scope === 'narrowed'
  const wrong =
    check.scope === 'neither'
      ? ` (of the narrowed set, missing: ${check.missing?.join(', ') || 'none'}; beyond it: ${check.extra?.join(', ') || 'none'})`
      : ''
  return {
    ...row,
    value: check.affectedImages,
    scope: check.scope,
    measured: `${check.affectedImages} of ${check.ofImages} affected: ${SCOPE_TEXT[check.scope]}${wrong}`,
    met,
    verdict: met
      ? 'met'
      : check.scope === 'whole'
        ? `not met: the whole context (${check.affectedImages} of ${check.ofImages})`
        : 'FAILED: the plan is wrong on this shape'
  }
}

/** Issue 13's targets on the root-context shape, one row each. */
export function assessRootContextTargets({ shapes, baseline }) {
  const r = shapes?.[ROOT_CONTEXT_SHAPE]
  const rows = [
    rootContextNoSlowerRow(shapes, baseline),
    rootContextScopeRow(shapes, {
      id: 'narrowed',
      changedFile: r?.repo?.changedFile ?? 'src/checkout/main.go',
      check: r?.check,
      expected: r?.repo?.expected ?? { narrowed: ['checkout'] }
    })
  ]
  for (const variant of r?.repo?.variants ?? [])
    rows.push(
      rootContextScopeRow(shapes, {
        id: `variant-${variant.name}`,
        changedFile: variant.path,
        check: r.check?.variants?.find(v => v.name === variant.name),
        expected: variant.expected
      })
    )
  return { issue: ROOT_CONTEXT_ISSUE, rows }
}

/** The section of RESULTS.md for issue 13's targets. */
export function renderRootContextTargets(results) {
  const targets = results.rootContextTargets
  if (!targets) return []
  const then = results.baseline?.shapes?.[ROOT_CONTEXT_SHAPE]
  const lines = [
    `## Targets (issue ${targets.issue})`,
    '',
    'On the root-context shape (`rootctx`: 25 images built from the repository root, each Dockerfile copying its own `src/<service>/`, about half also `pb/demo.proto`; bench/README.md). ' +
      `“No slower” compares plan’s median with the baseline’s (${then?.source ?? 'none recorded'}); CPU time (user + system), the fastest round and the load are beside it, since the machine’s load differs between runs. ` +
      'When the run had `--compare-build REV`, that build’s plan ran in the same rounds and the median of the per-round ratios decides instead: the load cancels in it. ' +
      'The affected rows are the plan’s correctness on the shape: narrowed (issue 13), the whole context (before it), or neither (a wrong plan).',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |'
  ]
  for (const row of targets.rows) lines.push(`| ${row.target} | ${row.measured} | ${row.verdict} |`)
  lines.push('')
  return lines
}

/** The targets section of RESULTS.md: one table, then the load per size and the baseline. */
export function renderTargets(results) {
  const { targets, baseline } = results
  const cores = results.machine?.cores
  const lines = [
    `## Targets (issue ${targets.issue})`,
    '',
    'The floor is `git ls-files -s -z` + `git diff --name-only -z` + `node -e 0`, summed per round; ' +
      'a ratio between imagegraph and a peer or the floor is the median of the ratios taken within a round. ' +
      'huge / large is the ratio of the two sizes’ medians, which means most when both come from one run. ' +
      `“No slower” compares imagegraph’s median with the baseline’s (${baseline?.source ?? 'none recorded'}); ` +
      'the machine’s load differs between runs, so the ratio to the floor, measured in the same rounds, is shown beside it.',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |'
  ]
  for (const row of targets.rows) lines.push(`| ${row.target} | ${row.measured} | ${row.verdict} |`)
  lines.push('')
  const measured = Object.entries(results.sizes ?? {})
  if (measured.length > 0) {
    const busy = measured.some(
      ([, r]) => Math.max(r.loadAverage1m?.before ?? 0, r.loadAverage1m?.after ?? 0) > cores
    )
    lines.push(
      `1-minute load average before/after, per size: ${measured.map(([size, r]) => `${size} ${r.loadAverage1m?.before ?? '?'}/${r.loadAverage1m?.after ?? '?'}`).join(', ')}, on ${cores} cores. ` +
        (busy
          ? 'Above the core count, other work competed for the CPU: every time is inflated and noisy, and ratios taken within a round cancel part of that, not all of it (turbo runs threads in parallel, imagegraph runs git alongside Node). Re-measure on an idle machine before leaning on a ratio near its target.'
          : 'The machine was otherwise about idle.'),
      ''
    )
  }
  const runs = new Set(measured.map(([, r]) => r.runStartedAt).filter(Boolean))
  if (runs.size > 1)
    lines.push(
      `The sizes come from ${runs.size} different runs (${measured.map(([size, r]) => `${size} ${when(r.measuredAt)}`).join(', ')}); \`npm run bench\` measures them together.`,
      ''
    )
  return lines
}
