// The CLI's command line, checked against each command's option table (node:util parseArgs).
import { parseCommandLine } from '../src/cli.js'

test.each([
  [['plan', '--base', 'HEAD~1', '--json'], { base: 'HEAD~1', json: true }],
  [['plan', '--base=main', '--head', 'v2'], { base: 'main', head: 'v2' }],
  [
    ['run', '--base', 'x', '--parallel', '3', '--cache=none'],
    { base: 'x', parallel: '3', cache: 'none' }
  ]
])('%j parses', (argv, flags) => {
  expect(parseCommandLine(argv).flags).toEqual(flags)
})

test('why takes its node name', () => {
  expect(parseCommandLine(['why', 'api', '--base', 'x']).positional).toEqual(['api'])
})

test.each([
  [['plan', '--json=yes'], 'plan: --json takes no value'],
  [['plan', '--base'], 'plan: --base needs a value'],
  [['plan', '--base='], 'plan: --base needs a value'],
  [['plan', '-b', 'x'], "plan: unknown option '-b'"],
  [['graph', '--explain'], "graph: unknown option '--explain'"],
  [['validate', 'extra'], "validate: unexpected argument 'extra'"],
  [['why', '--base', 'x'], 'why: expected 1 argument (a node name), got 0'],
  [['run', '--paralel', '2'], "run: unknown option '--paralel' (did you mean '--parallel'?)"]
])('%j is refused', (argv, message) => {
  expect(() => parseCommandLine(argv)).toThrow(message)
})

test('--help wins over a missing argument', () => {
  expect(parseCommandLine(['why', '--help']).flags.help).toBe(true)
})
