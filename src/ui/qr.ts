// Terminal QR codes. Loaded only by commands that show one (qrcode-terminal is not needed elsewhere).
// The small rendering (two modules per character cell, half blocks) is the narrowest qrcode-terminal
// draws: a WeChat authorize URL is about 55 columns, the large one over 100.
export async function renderQr(text: string): Promise<string> {
  const { default: qrcode } = await import('qrcode-terminal');
  return new Promise((resolve) => {
    qrcode.generate(text, { small: true }, (rendered: string) => resolve(rendered));
  });
}

/** Columns the widest line of a rendered code takes (its block characters are one column each). */
export function qrWidth(rendered: string): number {
  // eslint-disable-next-line no-control-regex
  return Math.max(0, ...rendered.split('\n').map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length));
}
