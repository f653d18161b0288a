// The retag result as people read it: the CLI's table and the job summary's section, from data.
import {
  retagCounts,
  retagMarkdown,
  retagResultsOutput,
  retagText,
  retagToJson,
  shortDigest
} from '../src/core/render/retag.js'
import { MissingImagesError, checkTargetTags } from '../src/core/retag.js'
import type { MissingImage, RetagResult } from '../src/core/retag.js'

const d = (c: string) => `sha256:${c.repeat(64)}`
const key = (c: string) => c.repeat(64)

const result: RetagResult = {
  registry: 'ghcr.io',
  revision: { rev: 'v1.4.0', commit: '0123456789abcdef0123456789abcdef01234567' },
  tags: ['production', 'stable'],
  partial: true,
  images: [
    {
      status: 'retagged',
      image: 'api',
      repository: 'acme/api',
      key: key('a'),
      from: `key-${key('a')}`,
      digest: d('1'),
      mediaType: 'application/vnd.oci.image.index.v1+json',
      tags: [
        { tag: 'production', before: d('2') },
        { tag: 'stable', before: null }
      ]
    },
    {
      status: 'retagged',
      image: 'web',
      repository: 'acme/web',
      key: key('b'),
      from: `key-${key('b')}`,
      digest: d('3'),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      tags: [
        { tag: 'production', before: d('3') },
        { tag: 'stable', before: d('3') }
      ]
    },
    {
      status: 'missing',
      image: 'jobs',
      repository: 'acme/jobs',
      key: key('c'),
      from: `key-${key('c')}`,
      reason: { kind: 'blob-missing', digest: d('4'), manifest: d('5') }
    }
  ]
}

test('the CLI table: each tag with what it named before, then what was not retagged', () => {
  expect(retagText(result)).toBe(
    [
      'retag at v1.4.0 (0123456789ab) on ghcr.io: production, stable: 2 images retagged · 2 tags moved · 2 already in place · 1 missing',
      'IMAGE  DIGEST               TAGS',
      'api    sha256:111111111111  production (was sha256:222222222222), stable (new)',
      'web    sha256:333333333333  production (already there), stable (already there)',
      `not retagged: jobs: acme/jobs:key-${key('c')} blob ${d('4')} of manifest ${d('5')} is gone`,
      ''
    ].join('\n')
  )
})

test('the summary section', () => {
  expect(retagMarkdown(result)).toBe(
    [
      '### Retag',
      '',
      'retag at v1.4.0 &#40;0123456789ab&#41; on ghcr.io: production, stable: 2 images retagged · 2 tags moved · 2 already in place · 1 missing',
      '',
      '| image | digest | tags | before |',
      '| --- | --- | --- | --- |',
      '| <code>api</code> | <code>sha256:111111111111</code> | <code>production</code>, <code>stable</code> | <code>sha256:222222222222</code>, new |',
      '| <code>web</code> | <code>sha256:333333333333</code> | <code>production</code>, <code>stable</code> | same, same |',
      '',
      'Not retagged (partial retag): 1',
      '',
      `- <code>jobs</code>: <code>acme/jobs:key-${key('c')}</code> blob sha256:${'4'.repeat(64)} of manifest sha256:${'5'.repeat(64)} is gone`,
      ''
    ].join('\n')
  )
})

test('counts leave out what did not happen; digests are cut to 12 hex digits', () => {
  expect(retagCounts({ ...result, images: result.images.slice(0, 1) })).toBe(
    '1 image retagged · 2 tags moved'
  )
  expect(shortDigest(d('f'))).toBe('sha256:ffffffffffff')
})

test('the refusal names every missing image in one line, and says how to go on', () => {
  const missing = (image: string, c: string): MissingImage => ({
    status: 'missing',
    image,
    repository: image,
    key: key(c),
    from: `key-${key(c)}`,
    reason: { kind: 'manifest-missing', reference: `key-${key(c)}` }
  })
  const all = new MissingImagesError([missing('a', 'a'), missing('b', 'b')], 2, undefined, true)
  expect(all.message).toBe(
    'retag: none of the 2 images was built, so no tag was moved: a (key aaaaaaaaaaaa, not in the registry); b (key bbbbbbbbbbbb, not in the registry); build them first'
  )
  expect(all.message).not.toContain('\n')
})

test.each([
  [[], 'tags: no tag given; name at least one tag to set'],
  [['ok', '-bad'], "tags: tag '-bad' starts with '-'; a tag starts with a letter, digit or '_'"],
  [
    [`key-${key('a')}`],
    `tags: 'key-${key('a')}' is a content tag: it names the inputs of one build, and only that build writes it; choose another tag`
  ]
])('target tags %j are refused', (tags, message) => {
  expect(() => checkTargetTags(tags)).toThrow(message)
})

test('the results output fits the limit: before left out first, then tags', () => {
  const one = retagToJson(result)
  const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`img${i}`, one.api]))
  const whole = retagResultsOutput(many)
  expect(JSON.parse(whole)).toEqual(many)
  const noBefore = JSON.parse(retagResultsOutput(many, whole.length - 1))
  expect(noBefore.img0).toEqual({
    status: 'retagged',
    repository: 'acme/api',
    from: `key-${key('a')}`,
    key: key('a'),
    digest: d('1'),
    tags: ['production', 'stable']
  })
  const lean = JSON.parse(retagResultsOutput(many, 200 * 300))
  expect(lean.img0).toEqual({
    status: 'retagged',
    repository: 'acme/api',
    from: `key-${key('a')}`,
    key: key('a'),
    digest: d('1')
  })
  expect(() => retagResultsOutput(many, 100)).toThrow(
    /results of 200 images do not fit .* even without tags; read results-file/
  )
})
