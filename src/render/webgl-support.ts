let answer: boolean | undefined;

/**
 * True when this browser can create the WebGL2 context maplibre-gl 6 needs (checked without loading it).
 * The answer is kept: creating a context waits on the GPU process, which is slow while it is busy
 * (seconds with a software renderer), so the page asks once, early, while the data is still loading
 * (render/warm.ts), and the map host then finds the answer ready (issue 8).
 */
export function webglSupported(): boolean {
  answer ??= probe();
  return answer;
}

function probe(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return !!gl;
  } catch {
    return false;
  }
}
