// Terminal QR codes. Loaded only by commands that show one (qrcode-terminal is not needed elsewhere).
export async function renderQr(text: string): Promise<string> {
  const { default: qrcode } = await import('qrcode-terminal');
  return new Promise((resolve) => {
    qrcode.generate(text, { small: true }, (rendered: string) => resolve(rendered));
  });
}
