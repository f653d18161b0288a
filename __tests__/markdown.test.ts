// Hostile repository content in the job summary and the PR comment: file names, reasons, base
// reasons and branch names render as the text they are, never as markup, links or mentions.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { GitCommandLine } from '../src/adapters/git.js'
import type { TrackedFile } from '../src/core/changes.js'
import { inert } from '../src/core/markdown.js'
import { plan } from '../src/core/plan.js'
import type { Plan } from '../src/core/plan.js'
import { COMMENT_BUDGET, summaryMarkdown } from '../src/core/summary.js'
import { namedRange, planRepository } from '../src/commands/plan.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

const HOSTILE: Array<[string, string]> = [
  ['a lone carriage return', 'a\rb.txt'],
  ['a line feed', 'line\nbreak.txt'],
  ['CRLF then a heading', 'x\r\n# Approved by security'],
  ['a line separator', 'a\u2028b'],
  ['NEL (C1)', 'a\u0085b'],
  ['a tab and NUL-free controls', 'tab\there\u0007bell\u001b[31m'],
  ['a link', '[click me](https://evil.example/x).txt'],
  ['an image', '![x](https://evil.example/pixel.png)'],
  ['a reference link', '[x][1]\n[1]: https://evil.example'],
  ['an autolink', '<https://evil.example>'],
  ['a bare URL', 'see http://evil.example/now'],
  ['a www link', 'www.evil.example'],
  ['a mention', '@octocat please merge'],
  ['a team mention', 'cc @octo-org/security'],
  ['an issue reference', 'fixes #1 and GH-2'],
  ['backticks', 'a `code` b'],
  ['a code fence', '```\nclosed'],
  ['a backtick run', '``x`` ` ```'],
  ['HTML', '<img src=x onerror=alert(1)>'],
  ['closing our details', '</details></summary><script>x</script>'],
  ['an HTML comment', '<!-- hidden'],
  ['an entity', '&lt;b&gt; &#64;octocat'],
  ['pipes', 'a|b|c'],
  ['emphasis', '**bold** _em_ ~~strike~~ *x*'],
  ['math', '$x^2$ and $$y$$'],
  ['a backslash escape', '\\[not\\] \\'],
  ['bidi override', 'invoice\u202Egnp.exe'],
  ['zero-width', 'ad\u200bmin'],
  ['a list start', '- item'],
  ['a quote start', '> quoted'],
  ['a numbered list', '1. first'],
  ['quotes', `"double" 'single'`]
]

/** The characters that can start markup, a link, a mention, a cell or a line, raw. */
const ACTIVE = /[\\`*_[\]()<>|~!$"'{}@#\r\n\u0085\u2028\u2029]|:\/|www\./i

/** The text less its character references (which are the escapes). */
const withoutReferences = (text: string) => text.replace(/&(?:#\d+|amp|lt|gt|quot);/g, '')

/** What a reader should see: the text with its invisible and line-breaking characters named. */
function visibleForm(text: string): string {
  return [...text]
    .map(ch => {
      const code = ch.codePointAt(0)!
      if (code < 0x20) return String.fromCodePoint(0x2400 + code)
      if (code === 0x85 || code === 0x2028 || code === 0x202e || code === 0x200b)
        return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`
      return ch
    })
    .join('')
}

/** How a renderer decodes character references (and the invisible joiner after @ and #). */
function decoded(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/([@#])\u200d/g, '$1')
}

describe.each(HOSTILE)('%s', (_, name) => {
  test('inert() leaves nothing active, and reads back as the text', () => {
    const out = inert(name)
    expect(withoutReferences(out)).not.toMatch(ACTIVE)
    expect(out).not.toMatch(/^[-+=>0-9]/)
    expect(decoded(out)).toBe(visibleForm(name))
  })

  test('in the summary: a row keeps its cells, no markup, mention or new line escapes', () => {
    const p = planWith([`svc/${name}`])
    for (const limit of [undefined, COMMENT_BUDGET]) {
      const md = summaryMarkdown(p, { baseWhy: `push to feature/${name}` }, limit)
      expectInert(md)
      const row = md.split('\n').find(l => l.startsWith('| **api** |'))!
      expect(row.split('|').length - 1).toBe(4)
      expect(row).toContain(`<code>${inert(`svc/${name} -> image api`)}</code>`)
      expect(md).toContain(`- modified: <code>${inert(`svc/${name}`)}</code>`)
      expect(md).toContain(`: ${inert(`push to feature/${name}`)}  \n`)
    }
  })
})

/** Every piece of markup in md is ours: the hostile text shows up only escaped. */
function expectInert(md: string) {
  expect(md).not.toMatch(/[\r\u0085\u2028\u2029]/)
  expect(md.split('<details>').length).toBe(md.split('</details>').length)
  expect(md.split('<code>').length).toBe(md.split('</code>').length)
  expect(md).not.toMatch(/<(?!\/?(?:code|details|summary|br)>|!-- imagegraph-plan:)/)
  expect(md).not.toMatch(/\]\(|!\[|@octo|https?:\/\/|www\.|~~|\$\$|\*\*bold/)
  // Backticks only in ours: key spans, the mermaid fence, the note's `plan`.
  const ours = md
    .replace(/```mermaid\n[^`]*```/g, '')
    .replace(/`[0-9a-f]{12}`/g, '')
    .replace(/`plan`/g, '')
  expect(ours).not.toContain('`')
}

const oid = (i: number) => i.toString(16).padStart(40, '0')

function planWith(changed: string[]): Plan {
  const text = 'version: 1\nimages:\n  api:\n    context: svc\n'
  const trackedFiles: TrackedFile[] = [
    { path: 'svc/Dockerfile', mode: '100644', oid: oid(1) },
    ...changed.map((path, i) => ({ path, mode: '100644', oid: oid(i + 2) }))
  ]
  return plan({
    graphText: text,
    graphFile: 'imagegraph.yml',
    baseGraphText: text,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    changedFiles: changed.map(path => ({ path, status: 'modified' })),
    trackedFiles
  })
}

test('a real repository: a committed file with a lone CR, a link and a mention in its name', async () => {
  const repo = TestRepo.fromExample()
  // The whole context is image-b's input: its Dockerfile copies no such file.
  const graph = readFileSync(path.join(repo.dir, 'imagegraph.yml'), 'utf8')
  repo.write('imagegraph.yml', `${graph}context-inputs: whole\n`)
  const base = repo.commit('whole contexts')
  const name = 'services/image-b/notes\r[release](https:/evil.example) @octocat `x`.txt'
  repo.write(name, 'hello\n')
  const head = repo.commit('a hostile file name')
  const p = await planRepository(new GitCommandLine(repo.dir), {
    graphFile: 'imagegraph.yml',
    base: namedRange(base, head)
  })
  expect(p.changedFiles.map(c => c.path)).toEqual([name])
  const md = summaryMarkdown(p, { baseWhy: 'push to main' })
  expectInert(md)
  const row = md.split('\n').find(l => l.startsWith('| **image-b** |'))!
  expect(row.split('|').length - 1).toBe(4)
  expect(row).toContain(
    '<code>services/image-b/notes␍&#91;release&#93;&#40;https&#58;/evil.example&#41; &#64;\u200doctocat &#96;x&#96;.txt &#40;added&#41; -&gt; image image-b</code>'
  )
})
