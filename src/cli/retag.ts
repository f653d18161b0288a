// `imagegraph retag`, loaded only when it is the command: it brings the registry client.
import { openRegistry } from '../adapters/registry.js'
import { retagAtRevision, retagImage } from '../commands/retag.js'
import { UserError } from '../core/errors.js'
import { parseImageList } from '../core/image-selection.js'
import { retagDigests, retagText, retagToJson } from '../core/render/retag.js'
import { parseTagList } from '../core/tags.js'
import { listFlag, registryConnection, stringFlag } from './call.js'
import type { CommandCall } from './call.js'

/**
 * `imagegraph retag`: a release or a rollback, built from nothing. `--rev`: every image at once;
 * `IMAGE --from --to`: one image. The options of one form are refused with the other.
 */
export async function retagCommand({ args, io, location }: CommandCall): Promise<number> {
  const image = args.positional[0]
  const given = (names: string[]) => names.filter(n => args.flags[n] !== undefined)
  const [form, required, foreign] =
    image === undefined
      ? ['retag --rev', ['rev', 'tags'], ['from', 'to']]
      : [`retag ${image}`, ['from', 'to'], ['rev', 'tags', 'images', 'partial']]
  const missing = required.filter(n => args.flags[n] === undefined)
  if (missing.length > 0)
    throw new UserError(
      image === undefined
        ? `retag: give --rev REV and --tags TAG[,TAG] (every image), or IMAGE --from TAG_OR_DIGEST --to TAG (one image); missing ${missing.map(n => `--${n}`).join(', ')}`
        : `${form}: --from TAG_OR_DIGEST and --to TAG[,TAG] are required; missing ${missing.map(n => `--${n}`).join(', ')}`
    )
  const extra = given(foreign)
  if (extra.length > 0)
    throw new UserError(
      `${form}: ${extra.map(n => `--${n}`).join(', ')} ${extra.length === 1 ? 'belongs' : 'belong'} to ${image === undefined ? 'the one-image form (retag IMAGE --from --to)' : 'the every-image form (retag --rev REV --tags TAG)'}`
    )
  const { insecure, caFile } = registryConnection(args, io)
  const images = listFlag(args, 'images', parseImageList)
  const opened: Array<{ close(): void }> = []
  const wiring = {
    git: location.git,
    registry: (host: string) => {
      const client = openRegistry({
        host,
        insecure,
        ...(caFile ? { caFile } : {}),
        env: process.env
      })
      opened.push(client)
      return client
    }
  }
  const registry = stringFlag(args, 'registry')
  const common = {
    graphFile: location.graphFile,
    ...(registry ? { registry } : {}),
    labels: {
      registry: '--registry',
      rev: '--rev',
      fetchHint: 'fetch it first (git fetch origin tag NAME, or git fetch --unshallow)'
    }
  }
  try {
    const result =
      image === undefined
        ? await retagAtRevision(
            {
              ...common,
              rev: String(args.flags.rev),
              tags: parseTagList(String(args.flags.tags)),
              ...(images ? { images } : {}),
              partial: args.flags.partial === true
            },
            wiring
          )
        : await retagImage(
            {
              ...common,
              image,
              from: String(args.flags.from),
              to: parseTagList(String(args.flags.to))
            },
            wiring
          )
    if (args.flags.json)
      io.out(
        `${JSON.stringify({ images: retagToJson(result), digests: retagDigests(result) }, null, 2)}
`
      )
    else io.out(retagText(result))
    return 0
  } finally {
    for (const client of opened) client.close()
  }
}
