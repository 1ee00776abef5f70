import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/** Adobe's S3Mock, an S3-compatible server in one executable jar from Maven Central. */
const S3MOCK_VERSION = '4.11.0';
const S3MOCK_ARTIFACT = `com.adobe.testing:s3mock:${S3MOCK_VERSION}:jar:exec`;
/** A Spring Boot start on two shared cores takes 30-40 s; give it room. */
export const S3MOCK_START_MS = 180_000;

/** The cache Keycloak and Kafka are fetched into (infra/keycloak/keycloak.sh's TITIPAN_CACHE). */
const CACHE = process.env.TITIPAN_CACHE ?? join(homedir(), '.cache', 'titipan');
const JAR = join(CACHE, `s3mock-${S3MOCK_VERSION}`, `s3mock-${S3MOCK_VERSION}-exec.jar`);

/**
 * The jar, fetched once with Maven (-C: a download whose checksum differs from Maven Central's fails) into a
 * temporary folder and renamed into place, so an interrupted fetch never looks complete.
 */
async function s3MockJar(): Promise<string> {
  if (existsSync(JAR)) return JAR;
  mkdirSync(CACHE, { recursive: true });
  const fetched = mkdtempSync(join(CACHE, 's3mock.tmp.'));
  try {
    await run('mvn', ['-B', '-q', '-C', 'dependency:copy', `-Dartifact=${S3MOCK_ARTIFACT}`, `-DoutputDirectory=${fetched}`], {
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    rmSync(join(JAR, '..'), { recursive: true, force: true });
    renameSync(fetched, join(JAR, '..'));
  } finally {
    rmSync(fetched, { recursive: true, force: true });
  }
  return JAR;
}

/**
 * An S3-compatible store of a test file's own: S3Mock on free ports, its files in a temporary folder, one bucket
 * made at start. `catalogEnv` points catalog's attachment storage at it.
 */
export class PrivateS3 {
  private constructor(
    readonly port: number,
    readonly bucket: string,
    private readonly process: ChildProcess,
    private readonly root: string,
    private readonly exited: Promise<number | null>,
  ) {}

  /** Path-style, as S3Mock wants (http://host:port/bucket/key). */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** S3Mock takes any credentials; catalog is given some, as against a real store. */
  get catalogEnv(): Record<string, string> {
    return {
      ATTACHMENT_STORAGE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: this.bucket,
      S3_ACCESS_KEY_ID: 'titipan-test',
      S3_SECRET_ACCESS_KEY: 'titipan-test-secret',
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  static async start(bucket: string): Promise<PrivateS3> {
    const jar = await s3MockJar();
    const root = mkdtempSync(join(tmpdir(), 'titipan-s3mock-'));
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const output: string[] = [];
    const child = spawn(
      'java',
      [
        '-Xmx256m',
        '-XX:TieredStopAtLevel=1', // the C1 compiler only: a faster start for a short-lived test server
        `-Djava.io.tmpdir=${root}`,
        '-jar',
        jar,
        `--server.port=${httpsPort}`,
        `--com.adobe.testing.s3mock.httpPort=${httpPort}`,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          JAVA_HOME: process.env.JAVA_HOME ?? '',
          COM_ADOBE_TESTING_S3MOCK_STORE_ROOT: join(root, 'store'),
          COM_ADOBE_TESTING_S3MOCK_STORE_INITIAL_BUCKETS: bucket,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => {
      output.push(...chunk.toString().split('\n').filter(Boolean));
      output.splice(0, Math.max(0, output.length - 40));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const s3 = new PrivateS3(httpPort, bucket, child, root, exited);
    let alive = true;
    void exited.then(() => (alive = false));
    const deadline = Date.now() + S3MOCK_START_MS;
    while (alive && Date.now() < deadline) {
      // ready once the bucket made at start answers
      const bucketHead = await fetch(`${s3.endpoint}/${bucket}`, { method: 'HEAD' }).catch(() => undefined);
      if (bucketHead?.status === 200) return s3;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await s3.dispose();
    throw new Error(`S3Mock did not become ready on port ${httpPort}:\n${output.join('\n')}`);
  }

  /** SIGTERM (S3Mock removes its files), SIGKILL after 15 s; then its folder goes. */
  async dispose(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
