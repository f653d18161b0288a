// The input `images` / a name list: which images a run (a matrix leg) builds, checked against the
// graph so that a misspelt name is an error, never a leg that quietly builds nothing.
import type { Graph } from './graph/model.js'
import { Suggestions, UserError } from './errors.js'

/** `a,b` or one per line (or both), spaces around names ignored, each name once, in given order. */
export function parseImageList(text: string): string[] {
  const names = text
    .split(/[,\n]/)
    .map(n => n.trim())
    .filter(n => n !== '')
  return [...new Set(names)]
}

/**
 * The named images in build order (inputs first), or one error naming every name that is not an
 * image of the graph, each with a did-you-mean. `label` says where the names came from.
 */
export function selectImages(names: readonly string[], graph: Graph, label: string): string[] {
  const images = [...graph.nodes.values()].filter(n => n.kind === 'image').map(n => n.name)
  const suggestions = new Suggestions(images)
  const problems: string[] = []
  for (const name of names) {
    const node = graph.nodes.get(name)
    if (node?.kind === 'image') continue
    problems.push(
      node
        ? `'${name}' is a ${node.kind} of ${graph.file}, not an image`
        : `'${name}' is not an image of ${graph.file}${suggestions.for(name)}`
    )
  }
  if (problems.length > 0)
    throw new UserError(
      `${label}: ${problems.join('; ')}. Images: ${images.slice(0, 20).join(', ')}${images.length > 20 ? `, … ${images.length - 20} more` : ''}`
    )
  const wanted = new Set(names)
  return graph.order.filter(n => wanted.has(n.name)).map(n => n.name)
}
