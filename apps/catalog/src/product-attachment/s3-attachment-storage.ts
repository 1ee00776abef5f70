import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DomainError } from '@titipan/kernel';
import type { AttachmentStorage } from './attachment-storage';

export interface S3Settings {
  /** Empty: AWS itself, by region. */
  endpoint: string;
  region: string;
  bucket: string;
  /** Empty: the SDK's default credential chain (environment, instance role). */
  accessKeyId: string;
  secretAccessKey: string;
  /** Most self-hosted stores (MinIO, Ceph, S3Mock) address buckets by path, not by host name. */
  forcePathStyle: boolean;
}

const unavailable = (error: unknown) =>
  new DomainError('unavailable', 'ATTACHMENT_STORAGE_UNAVAILABLE', 'the attachment store did not answer; try again shortly', {
    reason: (error as Error).name,
  });

/** Any S3-compatible object store: one object per attachment in one bucket. */
export class S3AttachmentStorage implements AttachmentStorage {
  readonly name = 's3';
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint || undefined,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.accessKeyId ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // only the checksums S3 requires: stores that predate the SDK's default CRC32 checksums refuse them
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(_manager: unknown, key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client
      .send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
        }),
      )
      .catch((error: unknown) => {
        throw unavailable(error);
      });
  }

  async read(key: string): Promise<Buffer | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw unavailable(error);
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key })).catch((error: unknown) => {
      throw unavailable(error);
    });
  }

  destroy(): void {
    this.client.destroy();
  }
}
