// schema/imagegraph.schema.json and parseGraph must agree on every structural rule: each case runs
// through both, so a rule added to one and not the other fails here.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv'
import { parse } from 'yaml'
import { FIELDS } from '../src/core/graph/fields.js'
import { NAME_PATTERN } from '../src/core/graph/model.js'
import { parseGraph } from '../src/core/graph/read.js'
import type { NodeKind } from '../src/core/graph/model.js'
import { CODE_ONLY_MISTAKES, STRUCTURAL_MISTAKES, VALID_GRAPHS, yml } from './helpers/graphs.js'
import { EXAMPLE, ROOT } from './helpers/repo.js'

const schema = JSON.parse(
  readFileSync(path.join(ROOT, 'schema', 'imagegraph.schema.json'), 'utf8')
) as Record<string, unknown>
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
const validate = ajv.compile(schema)

function schemaErrors(text: string): string[] {
  if (validate(parse(text))) return []
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`)
}

function codeAccepts(text: string): boolean {
  try {
    parseGraph(text)
    return true
  } catch {
    return false
  }
}

test('the schema is a valid draft 2020-12 schema', () => {
  expect(ajv.validateSchema(schema)).toBe(true)
})

test('the example graph is valid for both, and names the schema for editors', () => {
  const text = readFileSync(path.join(EXAMPLE, 'imagegraph.yml'), 'utf8')
  expect(text).toContain('# yaml-language-server: $schema=../../schema/imagegraph.schema.json')
  expect(codeAccepts(text)).toBe(true)
  expect(schemaErrors(text)).toEqual([])
})

describe('both reject', () => {
  test.each(STRUCTURAL_MISTAKES.map(c => [c.title, c.text]))('%s', (_title, text) => {
    expect(codeAccepts(text)).toBe(false)
    expect(schemaErrors(text)).not.toEqual([])
  })
})

describe('both accept', () => {
  test.each(VALID_GRAPHS.map(c => [c.title, c.text]))('%s', (_title, text) => {
    expect(codeAccepts(text)).toBe(true)
    expect(schemaErrors(text)).toEqual([])
  })
})

// The schema's description says these are the code's alone; if the schema learns one, move the row.
describe('only the code rejects (references, cycles, names across sections, paths, globs)', () => {
  test.each(CODE_ONLY_MISTAKES.map(c => [c.title, c.text]))('%s', (_title, text) => {
    expect(codeAccepts(text)).toBe(false)
    expect(schemaErrors(text)).toEqual([])
  })
})

// Each pattern tried value by value through both: a node name, a variable name, a platform.
describe('patterns agree', () => {
  const names = [
    'a',
    '0',
    'api',
    'api-v2',
    'api_v2',
    'api.v2',
    'a--b',
    'A',
    'Api',
    '-api',
    '.api',
    '_api',
    'api v2',
    'api/v2',
    'ä',
    ''
  ]
  test.each(names)('node name %p', name => {
    const text = yml('version: 1', 'images:', `  ${JSON.stringify(name)}:`, '    context: api')
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
    expect(codeAccepts(text)).toBe(NAME_PATTERN.test(name))
  })

  const variables = ['A', 'a', '_', '_A1', 'MODE_2', 'A1', '1A', 'A-B', 'A.B', 'A B', 'É', '']
  test.each(variables)('variable name %p', name => {
    for (const text of [
      yml(
        'version: 1',
        'processes:',
        '  p:',
        '    run: make',
        `    env: { ${JSON.stringify(name)}: x }`
      ),
      yml(
        'version: 1',
        'images:',
        '  i:',
        '    context: i',
        `    build-args: { ${JSON.stringify(name)}: x }`
      )
    ]) {
      expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
    }
  })

  const platforms = [
    'linux/amd64',
    'linux/arm64',
    'linux/arm64/v8',
    'linux/arm/v7',
    'linux/x86_64',
    'windows/amd64',
    'linux',
    'linux/',
    '/amd64',
    'Linux/amd64',
    'linux/amd64/',
    'linux/arm64/v8/x',
    'linux/arm-64',
    'linux/amd64/v_8',
    ' linux/amd64',
    ''
  ]
  test.each(platforms)('platform %p', platform => {
    const text = yml(
      'version: 1',
      'images:',
      '  i:',
      '    context: i',
      `    platforms: [${JSON.stringify(platform)}]`
    )
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
  })

  const values = ['x', '""', '0', '1.20', '-3', 'true', 'false', 'null', '~', '[x]', '{ a: 1 }']
  test.each(values)('variable value %s', value => {
    const text = yml(
      'version: 1',
      'processes:',
      '  p:',
      '    run: make',
      `    env: { A: ${value} }`
    )
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
  })

  const commands = ['make', '" make"', '""', '"  "', '"\\t"', '"\\n"', '|\n      make', '0']
  test.each(commands)('command %s', command => {
    const text = yml('version: 1', 'processes:', '  p:', `    run: ${command}`)
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
  })

  // Durations of no time or over 168h are the code's alone (CODE_ONLY_MISTAKES).
  const durations = ['90s', '30m', '1h', '1h30m', '2h5s', '1h1m1s', '007m', '168h', '90', '"90 s"']
  const badDurations = ['1m1h', 'h', '1.5h', '""', '1H', '-1s', 's', '1d', '1h30']
  test.each([...durations, ...badDurations])('timeout %s', duration => {
    const text = yml(
      'version: 1',
      'processes:',
      '  p:',
      '    run: make',
      `    timeout: ${duration}`
    )
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
  })

  const versions = ['1', '1.0', '"1"', '2', '0', 'null', '[1]', 'true']
  test.each(versions)('version %s', version => {
    const text = yml(`version: ${version}`)
    expect(schemaErrors(text).length === 0).toBe(codeAccepts(text))
  })
})

describe('the schema lists the fields the code knows', () => {
  const defs = schema.$defs as Record<
    string,
    { properties: Record<string, unknown>; required: string[] }
  >
  test.each(Object.keys(FIELDS) as NodeKind[])('%s', kind => {
    expect(Object.keys(defs[kind].properties).sort()).toEqual(Object.keys(FIELDS[kind]).sort())
    const required = Object.entries(FIELDS[kind])
      .filter(([, spec]) => spec.required)
      .map(([field]) => field)
    expect(defs[kind].required).toEqual(required)
  })

  test('top level', () => {
    expect(Object.keys(schema.properties as object)).toEqual([
      'version',
      'configs',
      'processes',
      'images',
      'registry',
      'tags',
      'context-inputs',
      'build-args-file'
    ])
    expect(schema.required).toEqual(['version'])
  })

  test('node names', () => {
    expect((defs.nodeName as unknown as { pattern: string }).pattern).toBe(NAME_PATTERN.source)
  })
})

test('every field has a description for editors to show', () => {
  const missing: string[] = []
  const visit = (s: unknown, at: string): void => {
    if (!s || typeof s !== 'object') return
    const obj = s as Record<string, unknown>
    for (const [name, sub] of Object.entries(
      (obj.properties as Record<string, unknown> | undefined) ?? {}
    )) {
      const field = sub as Record<string, unknown>
      const ref =
        typeof field.$ref === 'string'
          ? ((schema.$defs as Record<string, Record<string, unknown>>)[
              field.$ref.replace('#/$defs/', '')
            ] ?? {})
          : {}
      if (typeof (field.description ?? ref.description) !== 'string') missing.push(`${at}.${name}`)
    }
    for (const [name, sub] of Object.entries(
      (obj.$defs as Record<string, unknown> | undefined) ?? {}
    ))
      visit(sub, `$defs.${name}`)
  }
  visit(schema, '')
  expect(missing).toEqual([])
})
