import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../source';

/**
 * A file on disk as a ByteSource, read with positioned reads. Not `fs.openAsBlob`: in Node 20 its Blob reports
 * the size modulo 2^32 (a 5 GB file looks like 1 GB and slices past that read nothing), so files over 4 GB need
 * this. Browsers' File objects have no such limit.
 */
export class FileSource implements ByteSource {
  bytesRead = 0;
  reads = 0;
  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<FileSource> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new FileSource(handle, size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  slice(start = 0, end = this.size): { arrayBuffer(): Promise<ArrayBuffer> } {
    const s = Math.max(0, Math.min(start, this.size));
    const e = Math.max(s, Math.min(end, this.size));
    return {
      arrayBuffer: async () => {
        const out = new Uint8Array(e - s);
        let done = 0;
        while (done < out.length) {
          const { bytesRead } = await this.handle.read(out, done, out.length - done, s + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        this.bytesRead += done;
        this.reads++;
        return done === out.length ? out.buffer : out.buffer.slice(0, done);
      },
    };
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/**
 * A file on disk known by path and size, opened only while a range is read. The batch command lists thousands of
 * files this way without holding a handle each; the Node check pool posts the path to its worker, which opens it
 * once for the whole check.
 */
export class DiskFile implements ByteSource {
  constructor(
    readonly path: string,
    readonly size: number,
    /** Where the bytes start in the file: an archive member stored unchanged is a range of the archive. */
    readonly offset = 0,
  ) {}

  static async at(path: string): Promise<DiskFile> {
    return new DiskFile(path, (await stat(path)).size);
  }

  slice(start = 0, end = this.size): { arrayBuffer(): Promise<ArrayBuffer> } {
    return {
      arrayBuffer: async () => {
        const file = await FileSource.open(this.path);
        try {
          const s = Math.max(0, Math.min(start, this.size));
          const e = Math.max(s, Math.min(end, this.size));
          return await file.slice(this.offset + s, this.offset + e).arrayBuffer();
        } finally {
          await file.close();
        }
      },
    };
  }
}
