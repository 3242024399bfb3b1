/** A diagonal hatch image for fill-pattern, drawn once per theme colour (no sprite server needed). */

/** RGBA pixels of a 12 × 12 px tile with one 45° line, seamless when repeated. */
export function hatchImage(
  color: string,
  size = 12,
  pixelRatio = 2,
): { width: number; height: number; data: Uint8Array } {
  const px = size * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const g = canvas.getContext('2d')!;
  g.strokeStyle = color;
  g.lineWidth = 1.6 * pixelRatio;
  g.lineCap = 'square';
  g.beginPath();
  // Three segments so the line continues across tile edges.
  for (const o of [-px, 0, px]) {
    g.moveTo(o, px);
    g.lineTo(o + px, 0);
  }
  g.stroke();
  const { data } = g.getImageData(0, 0, px, px);
  return { width: px, height: px, data: new Uint8Array(data.buffer) };
}
