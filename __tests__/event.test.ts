// The event payload, read before any library sees it: every malformed file is one clear line.
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../src/core/errors.js'
import { readEvent } from '../src/event.js'
import { removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

function eventFile(bytes: string | Buffer): string {
  const file = path.join(tempDir('imagegraph-event-'), 'event.json')
  writeFileSync(file, bytes)
  return file
}

test('a payload is read as an object', () => {
  const file = eventFile('{"ref":"refs/heads/main"}')
  expect(readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file })).toEqual({
    eventName: 'push',
    payload: { ref: 'refs/heads/main' }
  })
})

test('GITHUB_EVENT_PATH unset: an empty payload that says why', () => {
  expect(readEvent({ GITHUB_EVENT_NAME: 'push' })).toEqual({
    eventName: 'push',
    payload: {},
    missingBecause: 'GITHUB_EVENT_PATH is not set'
  })
})

test.each([
  ['bad JSON', '{"ref": ', /is not valid JSON: /],
  [
    'a UTF-8 byte order mark',
    Buffer.from('\ufeff{"ref":"x"}', 'utf8'),
    /starts with a UTF-8 byte order mark/
  ],
  ['null', 'null', /is not a JSON object \(it is null\)/],
  ['an array', '[1]', /is not a JSON object \(it is an array\)/],
  ['a string', '"push"', /is not a JSON object \(it is string\)/]
])('%s: a user error naming the file', (_title, bytes, message) => {
  const file = eventFile(bytes)
  let error: unknown
  try {
    readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file })
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(UserError)
  expect((error as Error).message).toMatch(message)
  expect((error as Error).message).toContain(`GITHUB_EVENT_PATH=${file}`)
  expect((error as Error).message).not.toContain('\n')
})

test('a missing file', () => {
  expect(() =>
    readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '/nonexistent/event.json' })
  ).toThrow(
    'the event payload GITHUB_EVENT_PATH=/nonexistent/event.json cannot be read: no such file'
  )
})
