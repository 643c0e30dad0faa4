// Per-host certificates for `wxauth proxy --intercept`, signed by the local CA (store/ca.ts) with
// node-forge (loaded only in this mode). One RSA key serves every host of the run and lives in memory
// only; each host's certificate is made on its first CONNECT and kept for the run.
import crypto from 'node:crypto';
import tls from 'node:tls';

export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

/** Host name → the TLS context the proxy answers that host's handshake with. */
export type HostContexts = (host: string) => tls.SecureContext;

/** A year, and never past the CA's own end. */
const LEAF_DAYS = 365;

export async function hostCertificates(ca: CaMaterial, now: () => number = () => Date.now()): Promise<HostContexts> {
  const { default: forge } = await import('node-forge');
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const leafKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const leafPublic = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const contexts = new Map<string, tls.SecureContext>();

  return (host) => {
    const name = host.toLowerCase();
    let context = contexts.get(name);
    if (context) return context;
    const cert = forge.pki.createCertificate();
    cert.publicKey = leafPublic;
    cert.serialNumber = '01' + crypto.randomBytes(15).toString('hex');
    const start = now();
    cert.validity.notBefore = new Date(start - 86_400_000);
    cert.validity.notAfter = new Date(Math.min(start + LEAF_DAYS * 86_400_000, caCert.validity.notAfter.getTime()));
    cert.setSubject([{ name: 'commonName', value: name }]);
    cert.setIssuer(caCert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: name }] },
      { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    ]);
    cert.sign(caKey, forge.md.sha256.create());
    context = tls.createSecureContext({ key: leafKeyPem, cert: forge.pki.certificateToPem(cert) });
    contexts.set(name, context);
    return context;
  };
}
