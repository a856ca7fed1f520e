/**
 * Uploads: the CSV imports of the Management API take `multipart/form-data` with the file in one
 * form field (`upFile` in the spec). These functions turn what a user holds in any runtime into
 * the platform's `FormData`, and that form into the exact bytes to send. Pure: no I/O besides
 * reading a `Blob`, never a throw.
 */
import * as v from 'valibot';
import type { ValidationIssue } from '../core/errors.js';

/**
 * A file to upload, as users hold one in every runtime: a `Blob` or `File` (its type is kept, its
 * name too when it has one), a `string` of CSV (sent as UTF-8), or raw bytes (`Uint8Array`,
 * Node's `Buffer`, any typed array or `DataView`, an `ArrayBuffer`).
 */
export type UploadFile = Blob | string | ArrayBufferView | ArrayBuffer;

/** The file name sent when the file has none (strings, bytes, a `Blob` that is not a `File`). */
export const UPLOAD_FILENAME = 'upload.csv';

/** The media type sent when the file has none. */
export const UPLOAD_TYPE = 'text/csv';

/** An unpaired UTF-16 surrogate: UTF-8 cannot carry it (TextEncoder would replace it silently). */
const LONE_SURROGATE = /\p{Cs}/u;

const NOT_A_FILE =
  'must be the file to upload: a Blob or File, a string of CSV, a Uint8Array or an ArrayBuffer';

/** Whether `file` has the form of an {@link UploadFile} (whether it is empty is checked when sending). */
function isUploadFile(file: unknown): file is UploadFile {
  return (
    typeof file === 'string' ||
    file instanceof ArrayBuffer ||
    ArrayBuffer.isView(file) ||
    (typeof Blob === 'function' && file instanceof Blob)
  );
}

/**
 * @internal The schema of the file field in the params of a generated upload operation: an
 * {@link UploadFile}, else the issue {@link uploadForm} reports. Checks the form only; an empty
 * file or a string that is not well-formed Unicode is refused when the form is built.
 */
export const uploadFile = (): v.GenericSchema<UploadFile> => v.custom<UploadFile>(isUploadFile, NOT_A_FILE);

function issue(field: string, message: string): ValidationIssue {
  return { path: `body.${field}`, message };
}

/**
 * The form to send for `file` under the form field `field`: one part
 * `Content-Disposition: form-data; name="<field>"; filename="<name>"` with the file's bytes, of
 * type `text/csv` unless a `Blob` says otherwise, named `upload.csv` unless a `File` has a name.
 * The bytes are copied, so changing a `Uint8Array` after the call changes nothing that is sent.
 *
 * @returns The `FormData`, or a {@link ValidationIssue} (path `body.<field>`) when `file` is not an
 * {@link UploadFile}, is empty, or is a string that is not well-formed Unicode. Never throws.
 */
export function uploadForm(file: unknown, field: string): FormData | ValidationIssue {
  let blob: Blob;
  let name = UPLOAD_FILENAME;
  if (typeof file === 'string') {
    if (LONE_SURROGATE.test(file))
      return issue(field, 'is not well-formed Unicode (it has a lone surrogate): UTF-8 cannot carry it');
    blob = new Blob([file], { type: UPLOAD_TYPE });
  } else if (file instanceof ArrayBuffer) {
    blob = new Blob([new Uint8Array(file)], { type: UPLOAD_TYPE });
  } else if (ArrayBuffer.isView(file)) {
    // A copy of exactly the view's bytes (a Buffer's pooled ArrayBuffer holds more than its view).
    blob = new Blob([new Uint8Array(file.buffer, file.byteOffset, file.byteLength).slice()], {
      type: UPLOAD_TYPE,
    });
  } else if (typeof Blob === 'function' && file instanceof Blob) {
    const own = (file as { name?: unknown }).name;
    if (typeof own === 'string' && own.length > 0) name = own;
    blob = file.type ? file : file.slice(0, file.size, UPLOAD_TYPE);
  } else {
    return issue(field, NOT_A_FILE);
  }
  if (blob.size === 0) return issue(field, 'is empty: an import needs at least the header line of the CSV');
  const form = new FormData();
  form.append(field, blob, name);
  return form;
}

/** The body of an upload, encoded once: the exact bytes to send and their `Content-Type`. */
export interface EncodedUpload {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** `multipart/form-data; boundary=…`: the boundary that delimits the parts inside `bytes`. */
  readonly contentType: string;
}

/**
 * Encodes `file` as the `multipart/form-data` body of an upload (see {@link uploadForm}) into
 * bytes, once: every attempt of the call then sends the same bytes under the same boundary, like a
 * JSON body. A `Blob` is read here.
 *
 * @returns The bytes and their content type, or `{ issue }` with the {@link ValidationIssue} of
 * {@link uploadForm}, or one saying the `Blob` could not be read. Never rejects.
 */
export async function encodeUpload(
  file: unknown,
  field: string,
): Promise<EncodedUpload | { readonly issue: ValidationIssue }> {
  const form = uploadForm(file, field);
  if (!(form instanceof FormData)) return { issue: form };
  try {
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type') ?? '';
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    return { bytes, contentType };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { issue: issue(field, `could not be read: ${detail.slice(0, 200)}`) };
  }
}
