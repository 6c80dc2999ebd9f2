/**
 * One export folder as one zip file, streamed: every file of the folder, in
 * name order, under a top folder `<name>/` so that unpacking gives the
 * analysis folder the contract describes (ANALYSIS-DATASET.md). Files are
 * read one at a time and deflated as they stream, so a large export never
 * sits in memory whole. The checksums in manifest.json still hold for the
 * unpacked files.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';

export interface ArchiveSink {
  write(chunk: Uint8Array): void;
  end(): void;
  fail(error: Error): void;
}

export function filesOfFolder(folder: string): string[] {
  return readdirSync(folder).filter((name) => statSync(join(folder, name)).isFile()).sort();
}

export async function streamFolderAsZip(folder: string, topName: string, sink: ArchiveSink): Promise<void> {
  const zip = new Zip((error, chunk, final) => {
    if (error) return sink.fail(error);
    sink.write(chunk);
    if (final) sink.end();
  });
  try {
    for (const name of filesOfFolder(folder)) {
      const entry = new ZipDeflate(`${topName}/${name}`, { level: 6 });
      entry.mtime = statSync(join(folder, name)).mtime;
      zip.add(entry);
      for await (const chunk of createReadStream(join(folder, name))) entry.push(chunk as Uint8Array);
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  } catch (error) {
    zip.terminate();
    sink.fail(error as Error);
  }
}
