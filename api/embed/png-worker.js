// A worker thread of the PNG pool (png.ts): rasterises one SVG. The worker loads TypeScript
// through tsx itself, since threads do not share the main thread's loader.
import { register } from 'tsx/esm/api';

register();
const { svgToPng } = await import('./png.ts');

/** Rasterises one SVG at a scale; null: only start. */
export default function rasterise(task) {
  return task ? svgToPng(task.svg, task.scale) : null;
}
