// The images' results for people (summary section, CLI text) and for later steps (results JSON).
import type { ImageResult, ImagesRun } from '../src/core/image-results.js'
import {
  imagesByStatus,
  imagesHeadline,
  imagesMarkdown,
  imagesText,
  imagesToJson
} from '../src/core/render/images.js'

const D = (c: string) => `sha256:${c.repeat(64)}`

function result(name: string, fields: Partial<ImageResult>): ImageResult {
  return {
    name,
    status: 'unchanged',
    ref: `r.test/team/${name}`,
    tags: [],
    key: 'a'.repeat(64),
    reasons: [],
    seconds: 0,
    ...fields
  }
}

const run: ImagesRun = {
  registry: 'r.test',
  push: true,
  builder: 'buildah (vfs, chroot): chosen by the builder setting',
  images: [
    result('base', {
      status: 'pushed',
      digest: D('1'),
      tags: [`key-${'a'.repeat(64)}`, 'v1.2.3', 'latest'],
      reasons: ['base/Dockerfile -> base', 'shared/x -> base']
    }),
    result('app', {
      status: 'reused',
      digest: D('2'),
      tags: [`key-${'b'.repeat(64)}`],
      builtFrom: '0123456789abcdef0123',
      reasons: ['app/x -> app']
    }),
    result('broken|@team', {
      status: 'failed',
      error: 'buildah bud exited with 7',
      reasons: ['[x](http://evil) -> broken'],
      logTail: ['step 1', '```', '</details> <img src=x>']
    }),
    result('child', { status: 'skipped', error: 'skipped: image broken|@team failed' }),
    result('quiet', { digest: D('3'), tags: [`key-${'c'.repeat(64)}`] }),
    result('local', { status: 'built', imageId: D('4') })
  ],
  digests: { base: `r.test/team/base@${D('1')}` }
}

describe('images summary', () => {
  test('the headline counts builds (pushed or not), pushes, reuses, unchanged, failures and skips', () => {
    expect(imagesHeadline(run)).toBe(
      'built 2 · pushed 1 · reused 1 · unchanged 1 · failed 1 · skipped 1'
    )
    expect(imagesHeadline({ ...run, images: [] })).toBe(
      'built 0 · pushed 0 · reused 0 · unchanged 0 · failed 0'
    )
  })

  test('a table row per image the run did something with; unchanged ones folded; repository text inert', () => {
    const md = imagesMarkdown(run)
    expect(md).toContain('built 2 · pushed 1 · reused 1 · unchanged 1 · failed 1 · skipped 1')
    expect(md).toContain('| image | status | tags | digest | why |')
    expect(md).toContain(
      '| <code>base</code> | pushed | <code>v1.2.3</code> <code>latest</code> | <code>sha256:111111111111</code> | base/Dockerfile -&gt; base &#40;+1 more&#41; |'
    )
    expect(md).toContain('built from 0123456789ab')
    // The name's pipe and mention, the reason's link: text, not markup.
    expect(md).toContain('<code>broken&#124;&#64;\u200dteam</code> | **failed**')
    expect(md).not.toContain('](http')
    expect(md).toContain('<details><summary>1 unchanged (not needed by this run)</summary>')
    expect(md).not.toMatch(/\| <code>quiet<\/code>/)
    // The failure's output: in a fence longer than any backtick run in it.
    expect(md).toContain('````text\nstep 1\n```\n</details> <img src=x>\n````')
  })

  test('a size limit cuts the rows and says where the rest is', () => {
    const many: ImagesRun = {
      ...run,
      images: Array.from({ length: 50 }, (_, i) =>
        result(`image-${i}`, { status: 'pushed', digest: D('5'), tags: ['v1'] })
      )
    }
    const md = imagesMarkdown(many, 2000)
    expect(md.length).toBeLessThan(2400)
    expect(md).toMatch(
      /\*\d+ more images are not listed here \(size limit\); the `results` output has them all\.\*/
    )
  })

  test('the CLI text: a row per image the run did something with, then failures with their last lines', () => {
    const text = imagesText(run)
    const lines = text.split('\n')
    expect(lines[0]).toBe(
      'images: built 2 · pushed 1 · reused 1 · unchanged 1 · failed 1 · skipped 1 (r.test)'
    )
    expect(lines[1]).toMatch(/^IMAGE\s+STATUS\s+DIGEST\s+TAGS\s+WHY$/)
    expect(text).toMatch(
      /^base\s+pushed\s+sha256:111111111111\s+v1\.2\.3,latest\s+base\/Dockerfile/m
    )
    expect(text).toMatch(/^local\s+built\s+local 444444444444/m)
    expect(text).not.toMatch(/^quiet/m)
    expect(text).toContain('broken|@team failed: buildah bud exited with 7\n  | step 1')
  })

  test('results JSON is keyed by image name; statuses list their images', () => {
    const json = imagesToJson(run)
    expect(Object.keys(json)).toEqual(['base', 'app', 'broken|@team', 'child', 'quiet', 'local'])
    expect(json.base).toEqual({
      status: 'pushed',
      ref: 'r.test/team/base',
      digest: D('1'),
      tags: [`key-${'a'.repeat(64)}`, 'v1.2.3', 'latest'],
      key: 'a'.repeat(64),
      reasons: ['base/Dockerfile -> base', 'shared/x -> base'],
      seconds: 0
    })
    expect(imagesByStatus(run)).toMatchObject({ failed: ['broken|@team'], skipped: ['child'] })
  })
})
