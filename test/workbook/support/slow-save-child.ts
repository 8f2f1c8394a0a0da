// Child process for the interrupted-save test: saves a large file slowly with saveFileAtomically, printing
// "writing" once the first block is on disk, so the parent can kill it in the middle of the write.
// Usage: node --import tsx slow-save-child.ts <target path> <byte count>

import { saveFileAtomically } from '../../../cli/file-store/atomic-file';

const [target, byteCountText] = process.argv.slice(2);
const bytes = new Uint8Array(Number(byteCountText)).fill(0x4e);
let announced = false;

await saveFileAtomically(target, bytes, {
  blockBytes: 64 * 1024,
  writeBlock: async (file, block, position) => {
    const { bytesWritten } = await file.write(block, 0, block.length, position);
    if (!announced) {
      announced = true;
      process.stdout.write('writing\n');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    return bytesWritten;
  },
});
process.stdout.write('finished\n');
