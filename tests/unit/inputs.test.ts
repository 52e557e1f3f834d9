/**
 * What a build knows of its input files without reading them: a record of
 * their hashes, trusted only while a file's size, times and inode are those
 * recorded.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputHash, saveInputHashes } from '../../src/pipeline/inputs.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('input hashes', () => {
  it('hashes a file’s text, and takes an unchanged file’s hash from the record without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, 'one');
    const record = join(dir, 'record', 'hashes.json');
    expect(inputHash(file, record)).toBe(sha1('one'));
    expect(inputHash(file)).toBe(sha1('one'));
    saveInputHashes(record);
    // Another process's view: a copy of the record, its hash marked, so a read of the file cannot pass for it.
    const copy = join(dir, 'copy.json');
    const entries = JSON.parse(readFileSync(record, 'utf8')) as Record<string, { hash: string }>;
    expect(Object.values(entries).map((e) => e.hash)).toEqual([sha1('one')]);
    for (const entry of Object.values(entries)) entry.hash = 'from the record';
    writeFileSync(copy, JSON.stringify(entries));
    expect(inputHash(file, copy)).toBe('from the record');
  });

  it('reads the file again when it was written, even at the same size and modification time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, 'one');
    const record = join(dir, 'hashes.json');
    expect(inputHash(file, record)).toBe(sha1('one'));
    saveInputHashes(record);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'two');
    utimesSync(file, atime, mtime);
    expect(inputHash(file, record)).toBe(sha1('two'));
    const other = join(dir, 'b.md');
    copyFileSync(file, other);
    expect(inputHash(other, record)).toBe(sha1('two'));
  });
});
