// The step of each image from the registry's answers: reuse, rebuild-missing, retag-unaffected,
// self-sufficient matrix legs, and no registry at all.
import {
  REASON_KEY_MISSING,
  dependencyOrder,
  imageSteps,
  imagesInScope,
  imagesToCheck
} from '../src/core/image-steps.js'
import type { ImageJob, ImageStepOptions, KeyAnswer } from '../src/core/image-steps.js'

function job(name: string, fields: Partial<ImageJob> = {}): ImageJob {
  return {
    name,
    key: name
      .padEnd(64, '0')
      .replace(/[^0-9a-f]/g, 'a')
      .slice(0, 64),
    repository: name,
    context: `/repo/${name}`,
    dockerfile: `/repo/${name}/Dockerfile`,
    platforms: [],
    buildArgs: {},
    imageArgs: {},
    needs: [],
    affected: false,
    reasons: fields.affected ? [`${name}/file -> ${name}`] : [],
    tags: { usesSeq: false, render: () => [] },
    ...fields
  }
}

/** base <- app <- app-debug; tool alone. */
function graph(affected: string[]): ImageJob[] {
  const a = (name: string) => affected.includes(name)
  return [
    job('base', { affected: a('base') }),
    job('app', {
      affected: a('app'),
      needs: ['base'],
      imageArgs: { BASE: 'base' },
      reasons: a('app') ? ['app/src -> app'] : []
    }),
    job('app-debug', { affected: a('app-debug'), needs: ['app'], imageArgs: { BASE: 'app' } }),
    job('tool', { affected: a('tool') })
  ]
}

function answers(entries: Record<string, KeyAnswer>): Map<string, KeyAnswer> {
  return new Map(Object.entries(entries))
}

function actions(jobs: ImageJob[], known: Record<string, KeyAnswer>, options: ImageStepOptions) {
  const steps = imageSteps(jobs, answers(known), options)
  return Object.fromEntries(steps.steps.map(s => [s.name, s.action]))
}

const allUsable = { base: 'usable', app: 'usable', 'app-debug': 'usable', tool: 'usable' } as const

describe('imageSteps', () => {
  test('an affected image whose key is usable is reused, not rebuilt; a missing one is built', () => {
    expect(actions(graph(['app']), allUsable, { registry: true })).toEqual({
      base: 'unchanged',
      app: 'reuse',
      'app-debug': 'unchanged',
      tool: 'unchanged'
    })
    expect(
      actions(
        graph(['app', 'app-debug']),
        { ...allUsable, app: 'missing', 'app-debug': 'missing' },
        {
          registry: true
        }
      )
    ).toEqual({ base: 'unchanged', app: 'build', 'app-debug': 'build', tool: 'unchanged' })
  })

  test('rebuild-missing (the default) builds an unaffected image whose key is missing, saying why', () => {
    const steps = imageSteps(graph([]), answers({ ...allUsable, tool: 'missing' }), {
      registry: true
    })
    const tool = steps.steps.find(s => s.name === 'tool')!
    expect(tool).toMatchObject({ action: 'build', reasons: [REASON_KEY_MISSING], key: 'missing' })
    expect(steps.toBuild).toEqual(['tool'])
  })

  test('without rebuild-missing an unaffected missing image is left alone, unless a build stands on it', () => {
    const known = { ...allUsable, tool: 'missing', base: 'missing', app: 'missing' } as const
    const steps = imageSteps(graph(['app']), answers(known), {
      registry: true,
      rebuildMissing: false
    })
    const by = Object.fromEntries(steps.steps.map(s => [s.name, s]))
    expect(by.tool.action).toBe('unchanged')
    expect(by.app.action).toBe('build')
    expect(by.base.action).toBe('build')
    expect(by.base.reasons).toEqual([`${REASON_KEY_MISSING}; app builds on it`])
    expect(steps.toBuild).toEqual(['base', 'app'])
  })

  test('retag-unaffected puts tags on unaffected images that are in the registry', () => {
    expect(
      actions(
        graph(['app']),
        { ...allUsable, app: 'missing' },
        {
          registry: true,
          retagUnaffected: true
        }
      )
    ).toEqual({ base: 'retag', app: 'build', 'app-debug': 'retag', tool: 'retag' })
  })

  test('a leg builds its images and the missing bases they stand on, and no more', () => {
    // app-debug is the leg; app (its base) is missing, base is there: app is built in this leg.
    const known = { base: 'usable', app: 'missing', 'app-debug': 'missing' } as const
    const steps = imageSteps(graph(['app', 'app-debug']), answers(known), {
      registry: true,
      images: ['app-debug']
    })
    expect(steps.steps.map(s => [s.name, s.action])).toEqual([
      ['base', 'unchanged'],
      ['app', 'build'],
      ['app-debug', 'build']
    ])
    expect(steps.steps[1].reasons).toEqual([
      'app/src -> app',
      `${REASON_KEY_MISSING}; app-debug builds on it`
    ])
  })

  test('a leg whose bases are present builds only its own image, and a base that is present is not built even if affected', () => {
    const known = { base: 'usable', app: 'usable', 'app-debug': 'missing' } as const
    expect(
      actions(graph(['base', 'app', 'app-debug']), known, {
        registry: true,
        images: ['app-debug']
      })
    ).toEqual({ base: 'unchanged', app: 'unchanged', 'app-debug': 'build' })
  })

  test('a leg reuses its own affected image when present; images outside the leg are out of scope', () => {
    const steps = imageSteps(graph(['tool']), answers({ tool: 'usable' }), {
      registry: true,
      images: ['tool']
    })
    expect(steps.steps.map(s => [s.name, s.action])).toEqual([['tool', 'reuse']])
  })

  test('without a registry nothing is checked; affected images build, and so do the bases they stand on', () => {
    const jobs = graph(['app'])
    expect(imagesToCheck(jobs, { registry: false })).toEqual([])
    const steps = imageSteps(jobs, new Map(), { registry: false })
    expect(steps.steps.map(s => [s.name, s.action])).toEqual([
      ['base', 'build'],
      ['app', 'build'],
      ['app-debug', 'unchanged'],
      ['tool', 'unchanged']
    ])
    expect(steps.steps[0].reasons).toEqual([
      'app builds on it, and there is no registry to take it from'
    ])
  })

  test('nothing affected and everything present: nothing to build', () => {
    const steps = imageSteps(graph([]), answers(allUsable), { registry: true })
    expect(steps.toBuild).toEqual([])
    expect(new Set(steps.steps.map(s => s.action))).toEqual(new Set(['unchanged']))
  })
})

describe('imagesToCheck', () => {
  test('with rebuild-missing every image is checked', () => {
    expect(imagesToCheck(graph(['app']), { registry: true })).toEqual([
      'base',
      'app',
      'app-debug',
      'tool'
    ])
  })

  test('without it, the affected images and what they stand on', () => {
    expect(imagesToCheck(graph(['app']), { registry: true, rebuildMissing: false })).toEqual([
      'base',
      'app'
    ])
  })

  test('a leg checks its images and what they stand on', () => {
    expect(
      imagesToCheck(graph([]), { registry: true, rebuildMissing: false, images: ['app'] })
    ).toEqual(['base', 'app'])
  })
})

describe('scope and order', () => {
  test('a leg naming an unknown image is an error', () => {
    expect(() => imagesInScope(graph([]), ['nope'])).toThrow('images: unknown image nope')
  })

  test('dependency order puts bases first whatever the job order', () => {
    const jobs = graph([]).reverse()
    const order = dependencyOrder(jobs)
    expect(order.indexOf('base')).toBeLessThan(order.indexOf('app'))
    expect(order.indexOf('app')).toBeLessThan(order.indexOf('app-debug'))
  })

  test('a cycle is refused', () => {
    const jobs = [job('a', { needs: ['b'] }), job('b', { needs: ['a'] })]
    expect(() => dependencyOrder(jobs)).toThrow(/cycle/)
  })
})
