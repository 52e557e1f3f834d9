/** A worker thread of `exportFiles` (export-files.ts): writes the open-data files of one site data file, then says whether it could. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeExportFiles } from './export-files.ts';

const { siteData, origin } = workerData as { siteData: string; origin: string };
try {
  await writeExportFiles(siteData, origin);
  parentPort!.postMessage(true);
} catch {
  parentPort!.postMessage(false);
}
