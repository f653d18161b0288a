// Puts small images into a test registry through the distribution API itself (monolithic blob
// uploads, then a manifest), without a builder: a config with the given labels and one real
// gzipped tar layer. Independent of the client under test: its own few lines of node:http(s).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { RegistryServer } from './registry-server.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'

export interface ApiAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A test registry: a RegistryServer, or another setup that says how to authorize a request. */
export type RegistryTarget = Pick<RegistryServer, 'url' | 'caFile' | 'options'> & {
  /** The Authorization header for a request on `repository` (e.g. a Bearer token). */
  authorize?: (repository: string) => string
}

const agents = new WeakMap<RegistryTarget, http.Agent>()

/** One request to the registry's API, with its auth and CA; `path` may be a full URL. */
export function api(
  server: RegistryTarget,
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {}
): Promise<ApiAnswer> {
  const url = new URL(path, server.url)
  let agent = agents.get(server)
  if (!agent) {
    agent = server.options.tls
      ? new https.Agent({ keepAlive: true, ca: readFileSync(server.caFile!) })
      : new http.Agent({ keepAlive: true })
    agents.set(server, agent)
  }
  const auth = server.options.auth
  const all: Record<string, string> = { ...headers }
  const repository = /^\/v2\/(.+?)\/(?:blobs|manifests|tags)\//.exec(url.pathname)?.[1]
  if (server.authorize && repository) all.Authorization = server.authorize(repository)
  else if (auth)
    all.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
  if (body) all['Content-Length'] = String(body.length)
  const module = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = module.request(url, { method, headers: all, agent }, res => {
      const chunks: Buffer[] = []
      res.on('data', (b: Buffer) => chunks.push(b))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

function expectStatus(answer: ApiAnswer, wanted: number, what: string): void {
  if (answer.status !== wanted)
    throw new Error(`${what}: ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`)
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** A one-file tar archive (ustar), gzipped: a real layer a runtime could unpack. */
export function tarLayer(name: string, content: string): Buffer {
  const data = Buffer.from(content)
  const header = Buffer.alloc(512)
  const field = (offset: number, length: number, value: string) =>
    header.write(value.padEnd(length, '\0').slice(0, length), offset, 'ascii')
  field(0, 100, name)
  field(100, 8, '0000644')
  field(108, 8, '0000000')
  field(116, 8, '0000000')
  field(124, 12, data.length.toString(8).padStart(11, '0'))
  field(136, 12, '00000000000')
  field(148, 8, '        ')
  field(156, 1, '0')
  field(257, 6, 'ustar')
  field(263, 2, '00')
  let sum = 0
  for (const b of header) sum += b
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512)
  // mtime 0 and gzip without a name or time: the same content gives the same digest.
  return gzipSync(Buffer.concat([header, data, padding, Buffer.alloc(1024)]))
}

// docker-registry loses a blob link when the same blob is uploaded twice at once: one upload each.
const uploads = new Map<string, Promise<string>>()

/** Uploads a blob (POST, then PUT ?digest=) unless the registry has it; returns its digest. */
export function pushBlob(server: RegistryTarget, repository: string, bytes: Buffer) {
  const key = `${server.url}/${repository}@${sha256(bytes)}`
  let upload = uploads.get(key)
  if (!upload) {
    upload = uploadBlob(server, repository, bytes)
    uploads.set(key, upload)
    upload.then(
      () => uploads.delete(key),
      () => uploads.delete(key)
    )
  }
  return upload
}

async function uploadBlob(server: RegistryTarget, repository: string, bytes: Buffer) {
  const digest = sha256(bytes)
  const head = await api(server, 'HEAD', `/v2/${repository}/blobs/${digest}`)
  if (head.status === 200) return digest
  const start = await api(server, 'POST', `/v2/${repository}/blobs/uploads/`)
  expectStatus(start, 202, `start upload to ${repository}`)
  const location = new URL(start.headers.location!, server.url)
  location.searchParams.set('digest', digest)
  const put = await api(server, 'PUT', location.toString(), bytes, {
    'Content-Type': 'application/octet-stream'
  })
  expectStatus(put, 201, `upload ${digest} to ${repository}`)
  return digest
}

export async function putManifest(
  server: RegistryTarget,
  repository: string,
  reference: string,
  bytes: Buffer,
  mediaType: string
): Promise<string> {
  const put = await api(server, 'PUT', `/v2/${repository}/manifests/${reference}`, bytes, {
    'Content-Type': mediaType
  })
  expectStatus(put, 201, `put manifest ${repository}:${reference}`)
  return sha256(bytes)
}

export interface PushedImage {
  digest: string
  manifest: Buffer
  config: string
  layers: string[]
}

export interface ImageSpec {
  labels?: Record<string, string>
  os?: string
  architecture?: string
  /** Text of the one file in each layer; default one layer naming the repository. */
  layers?: string[]
}

/**
 * Creates an image with `labels` in `repository` (under `tag`, or untagged when tag is undefined)
 * and returns its manifest digest and the blobs it names.
 */
export async function pushImage(
  server: RegistryTarget,
  repository: string,
  tag: string | undefined,
  spec: ImageSpec = {}
): Promise<PushedImage> {
  const texts = spec.layers ?? [`layer of ${repository}\n`]
  const layerBlobs = texts.map((t, i) => tarLayer(`file${i}.txt`, t))
  const layers = await Promise.all(layerBlobs.map(b => pushBlob(server, repository, b)))
  // The uncompressed tar's digest, as an image config records it.
  const diffIds = layerBlobs.map(b => sha256(gunzipSync(b)))
  const config = Buffer.from(
    JSON.stringify({
      architecture: spec.architecture ?? 'amd64',
      os: spec.os ?? 'linux',
      config: { Labels: spec.labels ?? {} },
      rootfs: { type: 'layers', diff_ids: diffIds }
    })
  )
  const configDigest = await pushBlob(server, repository, config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: configDigest, size: config.length },
      layers: layers.map((digest, i) => ({
        mediaType: OCI_LAYER,
        digest,
        size: layerBlobs[i].length
      }))
    })
  )
  const digest = await putManifest(
    server,
    repository,
    tag ?? sha256(manifest),
    manifest,
    OCI_MANIFEST
  )
  return { digest, manifest, config: configDigest, layers }
}

/** An index of one image per platform, each with its own labels; returns the index digest. */
export async function pushIndex(
  server: RegistryTarget,
  repository: string,
  tag: string,
  platforms: (ImageSpec & { os: string; architecture: string })[]
): Promise<{ digest: string; manifest: Buffer; images: PushedImage[] }> {
  const images: PushedImage[] = []
  for (const p of platforms)
    images.push(
      await pushImage(server, repository, undefined, {
        layers: [`${p.os}/${p.architecture} layer of ${repository}\n`],
        ...p
      })
    )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: images.map((image, i) => ({
        mediaType: OCI_MANIFEST,
        digest: image.digest,
        size: image.manifest.length,
        platform: { os: platforms[i].os, architecture: platforms[i].architecture }
      }))
    })
  )
  const digest = await putManifest(server, repository, tag, manifest, OCI_INDEX)
  return { digest, manifest, images }
}

/** Deletes a blob from a repository (the test registry has delete enabled). */
export async function deleteBlob(server: RegistryTarget, repository: string, digest: string) {
  const answer = await api(server, 'DELETE', `/v2/${repository}/blobs/${digest}`)
  expectStatus(answer, 202, `delete ${repository}@${digest}`)
}

/** Deletes a manifest by digest (and so every tag on it). */
export async function deleteManifest(server: RegistryTarget, repository: string, digest: string) {
  const answer = await api(server, 'DELETE', `/v2/${repository}/manifests/${digest}`)
  expectStatus(answer, 202, `delete ${repository}@${digest}`)
}

/** Closes the helper's kept-alive sockets to `server`. */
export function closeApi(server: RegistryTarget): void {
  agents.get(server)?.destroy()
  agents.delete(server)
}
