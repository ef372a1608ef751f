/**
 * Child-process entry of the image preparation (prepare-image-process.ts). Decoding an image
 * with @napi-rs/canvas is native code that can crash its process on a damaged file (a
 * segmentation fault on a truncated PNG, an abort on absurd dimensions): here such a crash
 * ends this child only. Loaded from `dist/` (compiled JS).
 *
 * Protocol: one message `{ bytes }` in, one message `{ prepared }` out (null: not decoded), exit.
 */
import { prepareImage, type PreparedImage } from './prepare-image.js';

export interface PrepareRequest {
  bytes: Uint8Array;
}

export interface PrepareResponse {
  prepared: PreparedImage | null;
}

function reply(message: PrepareResponse): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (request: PrepareRequest) => {
  prepareImage(request.bytes).then(
    (prepared) => reply({ prepared }),
    () => reply({ prepared: null }),
  );
});
