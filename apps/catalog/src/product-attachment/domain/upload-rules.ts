import { firstRefusal, type ErrorKind, type Refusal, type Rule } from '@titipan/kernel';
import type { ProductStatus } from '@titipan/contracts';
import { CERTIFICATE_KINDS } from '../../product/domain/certificates';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachment';
import { detectUploadType, PHOTO_TYPES, type UploadType } from './content-type';

export type UploadRefusalCode =
  | 'ATTACHMENT_KIND_INVALID'
  | 'ATTACHMENT_FILENAME_INVALID'
  | 'ATTACHMENT_CERTIFICATE_INVALID'
  | 'ATTACHMENT_TYPE_REFUSED'
  | 'ATTACHMENT_EMPTY'
  | 'ATTACHMENT_TOO_LARGE';
export type UploadRefusal = Refusal<UploadRefusalCode>;

/** A bad parameter is a broken rule (422); a type not taken is 415, a file over its limit 413. */
export const UPLOAD_REFUSAL_KIND: Record<UploadRefusalCode, ErrorKind> = {
  ATTACHMENT_KIND_INVALID: 'rule',
  ATTACHMENT_FILENAME_INVALID: 'rule',
  ATTACHMENT_CERTIFICATE_INVALID: 'rule',
  ATTACHMENT_TYPE_REFUSED: 'unsupported_media_type',
  ATTACHMENT_EMPTY: 'rule',
  ATTACHMENT_TOO_LARGE: 'too_large',
};

const MB = 1024 * 1024;
const IMAGE_LIMIT = 5 * MB;
const PDF_LIMIT = 10 * MB;
const imageLimits = Object.fromEntries(PHOTO_TYPES.map((type) => [type, IMAGE_LIMIT])) as Record<(typeof PHOTO_TYPES)[number], number>;

/** The types each kind takes, with the largest file of each: photos are images up to 5 MB; certificate scans PDFs up to 10 MB or images. */
export const SIZE_LIMITS: Record<AttachmentKind, Partial<Record<UploadType, number>>> = {
  photo: imageLimits,
  certificate: { 'application/pdf': PDF_LIMIT, ...imageLimits },
};

/** The largest file any kind takes: the most an upload's body may carry. */
export const LARGEST_ATTACHMENT = Math.max(...Object.values(SIZE_LIMITS).flatMap((limits) => Object.values(limits)));

/** A product holds at most this many attachments (photos and scans together). */
export const MAX_ATTACHMENTS_PER_PRODUCT = 20;

/** Longest file name kept; the name is shown and offered back on download, never used as a path. */
export const MAX_FILENAME_LENGTH = 200;

/** An upload as it arrives: the query's parameters, the claimed Content-Type and the bytes. */
export interface Upload {
  kind: string;
  filename: string;
  certificate?: string;
  /** The bare media type of the Content-Type header ('' when absent). */
  declaredType: string;
  bytes: Uint8Array;
}

type UploadRule = Rule<Upload, UploadRefusalCode>;

const isKind = (kind: string): kind is AttachmentKind => (ATTACHMENT_KINDS as readonly string[]).includes(kind);
const limitsOf = (upload: Upload) => (isKind(upload.kind) ? SIZE_LIMITS[upload.kind] : {});

const kindKnown: UploadRule = ({ kind }) =>
  isKind(kind)
    ? undefined
    : {
        code: 'ATTACHMENT_KIND_INVALID',
        message: `kind must be one of ${ATTACHMENT_KINDS.join(', ')}`,
        details: { field: 'kind', allowed: ATTACHMENT_KINDS },
      };

// no path separators, no quotes (the name goes back in a quoted header), not only dots; and no control characters
const FILENAME = /^(?!\.+$)[^/\\"]+$/u;
const CONTROL_CHARACTER = /\p{Cc}/u;

const filenameAcceptable: UploadRule = ({ filename }) =>
  filename.length > 0 &&
  filename.length <= MAX_FILENAME_LENGTH &&
  filename.trim() === filename &&
  FILENAME.test(filename) &&
  !CONTROL_CHARACTER.test(filename)
    ? undefined
    : {
        code: 'ATTACHMENT_FILENAME_INVALID',
        message: `filename must be 1 to ${MAX_FILENAME_LENGTH} characters without control characters, slashes or quotes, not starting or ending with a space`,
        details: { field: 'filename', maxLength: MAX_FILENAME_LENGTH },
      };

const certificateOfAScan: UploadRule = ({ kind, certificate }) => {
  if (certificate === undefined) return undefined;
  if (kind === 'certificate' && (CERTIFICATE_KINDS as readonly string[]).includes(certificate)) return undefined;
  return {
    code: 'ATTACHMENT_CERTIFICATE_INVALID',
    message: `certificate names one of ${CERTIFICATE_KINDS.join(', ')}, and only on a certificate scan`,
    details: { field: 'certificate', allowed: CERTIFICATE_KINDS },
  };
};

const declaredTypeTaken: UploadRule = (upload) => {
  const expected = Object.keys(limitsOf(upload));
  return expected.includes(upload.declaredType)
    ? undefined
    : {
        code: 'ATTACHMENT_TYPE_REFUSED',
        message: `a ${upload.kind} is one of ${expected.join(', ')}; the Content-Type says ${upload.declaredType || 'nothing'}`,
        details: { expected, declared: upload.declaredType || null },
      };
};

const notEmpty: UploadRule = ({ bytes }) =>
  bytes.length > 0 ? undefined : { code: 'ATTACHMENT_EMPTY', message: 'the body holds no file', details: { size: 0 } };

const withinSizeLimit: UploadRule = (upload) => {
  const max = limitsOf(upload)[upload.declaredType as UploadType] ?? 0;
  return upload.bytes.length <= max
    ? undefined
    : {
        code: 'ATTACHMENT_TOO_LARGE',
        message: `a ${upload.declaredType} ${upload.kind} holds at most ${max} bytes; this one has ${upload.bytes.length}`,
        details: { max, size: upload.bytes.length, contentType: upload.declaredType },
      };
};

const bytesMatchDeclaredType: UploadRule = (upload) => {
  const detected = detectUploadType(upload.bytes);
  return detected === upload.declaredType
    ? undefined
    : {
        code: 'ATTACHMENT_TYPE_REFUSED',
        message: `the bytes are not ${upload.declaredType} (they read as ${detected ?? 'none of the types kept'})`,
        details: { expected: [upload.declaredType], detected: detected ?? null },
      };
};

/**
 * In order: the parameters (kind, file name, certificate), then the claimed type, then the bytes: not empty,
 * within the type's limit, and really of the claimed type. Each rule relies on the ones before it.
 */
const UPLOAD_RULES: readonly UploadRule[] = [
  kindKnown,
  filenameAcceptable,
  certificateOfAScan,
  declaredTypeTaken,
  notEmpty,
  withinSizeLimit,
  bytesMatchDeclaredType,
];

/** The first rule the upload breaks, or undefined when catalog keeps it. */
export function uploadRefusal(upload: Upload): UploadRefusal | undefined {
  return firstRefusal(UPLOAD_RULES, upload);
}

export type AttachmentChangeRefusalCode = 'PRODUCT_NOT_EDITABLE' | 'ATTACHMENT_LIMIT_REACHED';

export const ATTACHMENT_CHANGE_REFUSAL_KIND: Record<AttachmentChangeRefusalCode, ErrorKind> = {
  PRODUCT_NOT_EDITABLE: 'conflict',
  ATTACHMENT_LIMIT_REACHED: 'rule',
};

/** The states in which a UPT may add or remove a product's files: while it is prepared or being fixed after a refusal. */
export const ATTACHMENTS_EDITABLE_IN: readonly ProductStatus[] = ['DRAFT', 'REJECTED'];

interface AttachmentChange {
  status: ProductStatus;
  /** How many attachments the product holds before the change. */
  attachmentCount: number;
  adding: boolean;
}

type AttachmentChangeRule = Rule<AttachmentChange, AttachmentChangeRefusalCode>;

const productEditable: AttachmentChangeRule = ({ status }) =>
  ATTACHMENTS_EDITABLE_IN.includes(status)
    ? undefined
    : {
        code: 'PRODUCT_NOT_EDITABLE',
        message: `files can be added or removed only while the product is ${ATTACHMENTS_EDITABLE_IN.join(' or ')} (it is ${status})`,
        details: { current: status, editableIn: ATTACHMENTS_EDITABLE_IN },
      };

const attachmentCountBounded: AttachmentChangeRule = ({ attachmentCount, adding }) =>
  adding && attachmentCount >= MAX_ATTACHMENTS_PER_PRODUCT
    ? {
        code: 'ATTACHMENT_LIMIT_REACHED',
        message: `a product holds at most ${MAX_ATTACHMENTS_PER_PRODUCT} files; remove one first`,
        details: { max: MAX_ATTACHMENTS_PER_PRODUCT },
      }
    : undefined;

const ATTACHMENT_CHANGE_RULES: readonly AttachmentChangeRule[] = [productEditable, attachmentCountBounded];

/** The first rule adding or removing a file breaks, or undefined when the change is allowed. */
export function attachmentChangeRefusal(change: AttachmentChange): Refusal<AttachmentChangeRefusalCode> | undefined {
  return firstRefusal(ATTACHMENT_CHANGE_RULES, change);
}
