/** Canvas-drawn images for the map (no sprite server needed): the zone's hatch and the dotted ring. */

type Image = { width: number; height: number; data: Uint8Array };

function canvas(px: number): { g: CanvasRenderingContext2D; done: () => Image } {
  const c = document.createElement('canvas');
  c.width = px;
  c.height = px;
  // Read back at once: a canvas kept in memory rather than on the GPU, whose read-back cost ~50 ms a
  // time in software GL (the zone's hatch is drawn anew when its holder changes).
  const g = c.getContext('2d', { willReadFrequently: true })!;
  return {
    g,
    done: () => {
      const { data } = g.getImageData(0, 0, px, px);
      return { width: px, height: px, data: new Uint8Array(data.buffer) };
    },
  };
}

/**
 * RGBA pixels of a size × size px tile with one 45° line of the given width, seamless when repeated:
 * the same tile as the SVG map's hatch pattern (src/scene/symbology.ts ZONE.hatch).
 */
export function hatchImage(color: string, size: number, width: number, pixelRatio = 2): Image {
  const px = size * pixelRatio;
  const { g, done } = canvas(px);
  g.strokeStyle = color;
  g.lineWidth = width * pixelRatio;
  g.lineCap = 'square';
  g.beginPath();
  // Three segments so the line continues across tile edges.
  for (const o of [-px, 0, px]) {
    g.moveTo(o, px);
    g.lineTo(o + px, 0);
  }
  g.stroke();
  return done();
}

/**
 * A dotted ring (MapLibre circles cannot be dashed): `radius` to the ring's middle, in CSS px, with
 * the dash pattern of the SVG map's ring (src/scene/symbology.ts SITE.approx).
 */
export function ringImage(
  color: string,
  radius: number,
  width: number,
  dash: readonly [number, number],
  pixelRatio = 2,
): Image {
  const px = Math.ceil((radius + width) * 2 * pixelRatio) + 2;
  const { g, done } = canvas(px);
  g.strokeStyle = color;
  g.lineWidth = width * pixelRatio;
  g.setLineDash(dash.map((d) => d * pixelRatio));
  g.beginPath();
  g.arc(px / 2, px / 2, radius * pixelRatio, 0, Math.PI * 2);
  g.stroke();
  return done();
}
