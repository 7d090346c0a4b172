// SVG -> PNG with resvg (a renderer shipped inside the npm package) and the system's fonts.
import { Resvg } from '@resvg/resvg-js';

/** Rasterises an SVG at `scale` times its size. */
export function svgToPng(svg: string, scale: number): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'rgba(0,0,0,0)',
  });
  return r.render().asPng();
}
