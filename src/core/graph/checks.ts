// Checks that span nodes: references between nodes, outputs that overlap or feed their own
// process, cycles; and the order that puts inputs before their consumers.
import { Suggestions, didYouMean } from '../errors.js'
import { OutputIndex } from '../output-paths.js'
import type { Reader } from './fields.js'
import { ALLOWED_INPUTS, SECTION_OF, inputsOf } from './model.js'
import type { GraphNode, NodeKind } from './model.js'
import type { Segment } from './yaml.js'

export function checkReferences(r: Reader, nodes: Map<string, GraphNode>): void {
  const suggestions = new Suggestions(nodes.keys())
  for (const node of nodes.values()) {
    if (node.kind === 'config') continue
    const seen = new Set<string>()
    node.inputs.forEach((input, i) => {
      const at: Segment[] = [SECTION_OF[node.kind], node.name, 'inputs', i]
      const target = nodes.get(input)
      if (!target) {
        r.error(at, 'value', `unknown node '${input}'${suggestions.for(input)}`)
      } else if (input === node.name) {
        r.error(at, 'value', `${node.kind} '${node.name}' cannot be its own input`)
      } else if (!ALLOWED_INPUTS[node.kind].includes(target.kind)) {
        r.error(
          at,
          'value',
          `'${input}' is ${article(target.kind)} ${target.kind}; a ${node.kind} takes ${ALLOWED_INPUTS[node.kind].map(k => SECTION_OF[k]).join(' or ')}`
        )
      } else if (seen.has(input)) {
        r.error(at, 'value', `'${input}' is listed twice`)
      }
      seen.add(input)
    })
  }
}

/** `image-args` name other images of the graph (not the image itself, no config or process). */
export function checkImageArgs(r: Reader, nodes: Map<string, GraphNode>): void {
  let images: string[] | undefined
  for (const node of nodes.values()) {
    if (node.kind !== 'image') continue
    for (const [arg, name] of Object.entries(node.imageArgs)) {
      const at: Segment[] = ['images', node.name, 'image-args', arg]
      const target = nodes.get(name)
      if (!target) {
        images ??= [...nodes.values()].filter(n => n.kind === 'image').map(n => n.name)
        r.error(
          at,
          'value',
          `unknown image '${name}'${didYouMean(name, images)}; image-args name images of the graph`
        )
      } else if (name === node.name)
        r.error(at, 'value', `image '${node.name}' cannot be built on itself`)
      else if (target.kind !== 'image')
        r.error(
          at,
          'value',
          `'${name}' is ${article(target.kind)} ${target.kind}; image-args name images (a ${target.kind} goes in inputs)`
        )
    }
  }
}

/**
 * The images an image names only in `image-args` join its inputs (without a second edge for one
 * it also lists): built first, affected with it, in its key as upstream keys.
 */
export function addImageArgInputs(nodes: Map<string, GraphNode>): void {
  for (const node of nodes.values()) {
    if (node.kind !== 'image') continue
    const listed = inputsOf(node)
    const extra = [...new Set(Object.values(node.imageArgs))].filter(
      name => !listed.includes(name) && nodes.get(name)?.kind === 'image' && name !== node.name
    )
    if (extra.length === 0) continue
    node.implied = { inputs: [...listed, ...extra], because: node.implied?.because ?? [] }
  }
}

function article(kind: NodeKind): string {
  return kind === 'image' ? 'an' : 'a'
}

export function checkOutputs(r: Reader, nodes: Map<string, GraphNode>): void {
  const outputs = new OutputIndex()
  for (const node of nodes.values()) {
    if (node.kind !== 'process') continue
    node.outputs.forEach((output, i) => {
      const clash = outputs.add({ path: output, process: node.name, index: i })
      if (clash) {
        r.error(
          ['processes', node.name, 'outputs', i],
          'value',
          `'${output}' overlaps '${clash.path}', an output of process '${clash.process}'; each output belongs to one process`
        )
      }
    })
  }
  checkOutputsInInputs(r, nodes, outputs)
}

/**
 * A process whose output is named by a config it consumes (directly or through other processes)
 * changes its own inputs by running: a cycle, refused where the output is listed.
 */
function checkOutputsInInputs(
  r: Reader,
  nodes: Map<string, GraphNode>,
  outputs: OutputIndex
): void {
  const reported = new Set<string>()
  for (const config of nodes.values()) {
    if (config.kind !== 'config') continue
    for (const pattern of config.paths) {
      if (pattern.startsWith('!')) continue
      for (const owner of outputs.namedBy(pattern)) {
        const id = `${owner.process}\0${owner.index}`
        if (reported.has(id) || !consumes(nodes, owner.process, config.name)) continue
        reported.add(id)
        r.error(
          ['processes', owner.process, 'outputs', owner.index],
          'value',
          `cycle: process '${owner.process}' writes '${owner.path}', which config '${config.name}' (an input of it) matches with '${pattern}'; a process cannot write its own inputs`
        )
      }
    }
  }
}

/** Whether node reaches target through its inputs. */
function consumes(nodes: Map<string, GraphNode>, node: string, target: string): boolean {
  const seen = new Set<string>()
  const stack = [node]
  while (stack.length > 0) {
    const n = nodes.get(stack.pop()!)
    if (!n || n.kind === 'config' || seen.has(n.name)) continue
    seen.add(n.name)
    for (const input of n.inputs) {
      if (input === target) return true
      stack.push(input)
    }
  }
  return false
}

export function topologicalOrder(r: Reader, nodes: Map<string, GraphNode>): GraphNode[] {
  const order: GraphNode[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const reported = new Set<string>()
  const visit = (node: GraphNode): void => {
    const s = state.get(node.name)
    if (s === 'done') return
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(node.name)), node.name]
      const id = [...cycle].slice(0, -1).sort().join(' ')
      if (!reported.has(id)) {
        reported.add(id)
        const first = nodes.get(cycle[0])!
        r.error(cycleEdge(first, cycle[1]), 'value', `cycle: ${cycle.join(' -> ')}`)
      }
      return
    }
    state.set(node.name, 'visiting')
    stack.push(node.name)
    for (const input of inputsOf(node)) visit(nodes.get(input)!)
    stack.pop()
    state.set(node.name, 'done')
    order.push(node)
  }
  for (const node of nodes.values()) visit(node)
  return order
}

/** Where the edge from node to input is written: `inputs`, or the ARG of `image-args` naming it. */
function cycleEdge(node: GraphNode, input: string): Segment[] {
  const at: Segment[] = [SECTION_OF[node.kind], node.name]
  if (node.kind === 'image' && !node.inputs.includes(input)) {
    const arg = Object.keys(node.imageArgs).find(a => node.imageArgs[a] === input)
    if (arg !== undefined) return [...at, 'image-args', arg]
  }
  return [...at, 'inputs']
}
