import type * as z from 'zod/mini';
import {
  DocumentContentType,
  type DocumentUpload,
  MAX_DOCUMENT_BYTES,
} from '#shared/api/schemas/document.schema.ts';
import { FILE_EXTENSIONS } from '#shared/domain/file-name.ts';

/** The `accept` of the file inputs: the three accepted types by extension and by media type. */
export const ACCEPT = [
  ...Object.values(FILE_EXTENSIONS)
    .flat()
    .map((extension) => `.${extension}`),
  ...DocumentContentType.options,
].join(',');

/**
 * What the portal announces as the file's type: the browser's own (taken from the file's extension)
 * when it is one we accept, else the extension's, else nothing (the file is refused before upload).
 * Whether the content really is that type only the server's check says.
 */
export function contentTypeOf(file: Pick<File, 'name' | 'type'>): DocumentContentType | undefined {
  const accepted = DocumentContentType.options as readonly string[];
  if (accepted.includes(file.type)) return file.type as DocumentContentType;
  if (file.type) return undefined;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const match = Object.entries(FILE_EXTENSIONS).find(([, extensions]) => extensions.includes(extension));
  return match?.[0] as DocumentContentType | undefined;
}

/** Why a chosen file cannot be announced at all (the same limits as NewDocumentBody). */
export function fileProblem(
  file: Pick<File, 'name' | 'type' | 'size'>,
): 'type' | 'empty' | 'size' | undefined {
  if (!contentTypeOf(file)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  return undefined;
}

/**
 * Posts the file to the presigned form with XMLHttpRequest, because fetch reports no upload progress.
 * Resolves true when the storage accepted it, false on a refusal or a network failure (the server's
 * check after upload then tells what arrived, if anything).
 */
export function uploadWithProgress(
  upload: z.infer<typeof DocumentUpload>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const form = new FormData();
    // S3 reads the policy's fields before the file; the file must come last.
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', upload.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve(request.status >= 200 && request.status < 300);
    request.onerror = () => resolve(false);
    request.onabort = () => resolve(false);
    request.send(form);
  });
}
