// The local certificate authority of `wxauth proxy --intercept`: created once in the state folder
// (next to config.json), reused by every later run. The private key is mode 0600 and is only ever
// read by this process to sign per-host certificates; it is never printed or sent anywhere. The
// certificate is public (0644): the user hands it to the runtimes that should trust the proxy.
//
// A key file that is readable by others, does not parse, or does not match the certificate is
// refused with the reason and left byte for byte as it was: replacing it would silently invalidate
// every trust store the user already put the old certificate in. The same goes for a certificate
// without its key, and a key without its certificate: the user restores the missing file or deletes
// both to start over; wxauth never decides for them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { ConfigError, osReason, type MessageRef } from '../errors.js';
import { shellWord } from '../core/shell.js';
import { checkStateDir, formatMode, osErrorHint, ownedByAnotherUser, readStateFile, withFileLock, writeFileAtomic } from './files.js';

/** A PEM file wxauth wrote is a few KiB; anything larger is not one of ours. */
const MAX_PEM_BYTES = 64 * 1024;
const CA_CERT_FILE = 'proxy-ca.pem';
const CA_KEY_FILE = 'proxy-ca-key.pem';

/** Ten years: the user trusts it once; a proxy CA that expires mid-debugging helps nobody. */
const CA_YEARS = 10;

export interface ProxyCa {
  certPath: string;
  keyPath: string;
  certPem: string;
  /** In memory only, for signing host certificates. */
  keyPem: string;
  /** True when this run made it (the user has not trusted it anywhere yet). */
  created: boolean;
  /** Made by an earlier wxauth without today's name constraint: a stolen key could vouch for other sites or any IP. Used, never replaced. */
  outdated: boolean;
}

function keyModeError(file: string, mode: number): ConfigError {
  return new ConfigError({ key: 'proxy.ca.keyMode', params: { file, mode: formatMode(mode) } }, { hint: { key: 'proxy.ca.keyMode.hint', params: { file } } });
}

/** A CA file that cannot be used (said in the user's language), with the way out. */
function corruptError(reason: MessageRef, paths: { cert: string; key: string }): ConfigError {
  return new ConfigError(reason, { hint: { key: 'proxy.ca.corrupt.hint', params: paths } });
}

/**
 * Write `text` to `file` through a synced temporary file renamed over it (store/files.ts), so no reader
 * sees half a PEM and a crash cannot leave an empty one; the certificate is 0644, since the runtimes
 * that trust it must read it.
 */
function writeAtomic(file: string, text: string, mode: number): void {
  try {
    writeFileAtomic(file, text, mode);
  } catch (error) {
    let hint = osErrorHint(file, error, 'write');
    if (hint === undefined) hint = { key: 'proxy.ca.unwritable.hint' };
    throw new ConfigError({ key: 'proxy.ca.unwritable', params: { file, detail: osReason(error, 'write') } }, { hint, cause: error });
  }
}

/** The only names this CA may vouch for: weixin.qq.com and its subdomains (RFC 5280 §4.2.1.10). */
const CA_PERMITTED_DOMAIN = 'weixin.qq.com';

/**
 * A critical nameConstraints extension: DNS names under weixin.qq.com permitted, every IP address
 * excluded (0.0.0.0/0 and ::/0, RFC 5280 §4.2.1.10: an address and a mask of zeros matches them all). A
 * TLS client that trusts this CA then refuses any certificate it signs for another site or for an IP,
 * so even a stolen key cannot impersonate anything but WeChat's API to the processes told to trust it.
 * Built with node-forge's ASN.1 writer; forge parses but does not build this extension by name.
 * (wxauth before 4 December 2026 put those IP subtrees under *permitted*, which allowed every IP.)
 */
function nameConstraints(forge: typeof import('node-forge')): { id: string; critical: boolean; value: string } {
  const a = forge.asn1;
  const seq = (items: import('node-forge').asn1.Asn1[]) => a.create(a.Class.UNIVERSAL, a.Type.SEQUENCE, true, items);
  const subtree = (base: import('node-forge').asn1.Asn1) => seq([base]);
  const dns = a.create(a.Class.CONTEXT_SPECIFIC, 2, false, CA_PERMITTED_DOMAIN);
  const ip = (bytes: number) => a.create(a.Class.CONTEXT_SPECIFIC, 7, false, '\0'.repeat(bytes));
  const permitted = a.create(a.Class.CONTEXT_SPECIFIC, 0, true, [subtree(dns)]);
  const excluded = a.create(a.Class.CONTEXT_SPECIFIC, 1, true, [subtree(ip(8)), subtree(ip(32))]);
  const value = a.toDer(seq([permitted, excluded])).getBytes();
  return { id: '2.5.29.30', critical: true, value };
}

/**
 * The DER of that extension's value, as this wxauth writes it: a CA whose certificate does not hold
 * these bytes was made by an earlier wxauth (no constraint at all, or one that permitted every IP).
 */
export const NAME_CONSTRAINTS_DER = Buffer.from(
  '3045a011300f820d77656978696e2e71712e636f6da130300a87080000000000000000302287200000000000000000000000000000000000000000000000000000000000000000',
  'hex',
);

async function createCa(now: Date): Promise<{ certPem: string; keyPem: string }> {
  const { default: forge } = await import('node-forge');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial (leading byte < 0x80), unique per CA made.
  cert.serialNumber = '01' + crypto.randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + CA_YEARS * 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: `wxauth proxy local CA (${os.hostname().slice(0, 40)}, ${now.toISOString().slice(0, 10)})` },
    { name: 'organizationName', value: 'wxauth (local, not a public CA)' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    nameConstraints(forge),
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  cert.sign(forgeKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function load(certPath: string, keyPath: string, now: Date): Omit<ProxyCa, 'created'> | undefined {
  const paths = { cert: certPath, key: keyPath };
  const keyFile = readStateFile(keyPath, MAX_PEM_BYTES);
  if (!keyFile) {
    // A certificate without its key may already be trusted somewhere: never replaced by a new CA.
    if (readStateFile(certPath, MAX_PEM_BYTES))
      throw new ConfigError({ key: 'proxy.ca.keyMissing', params: paths }, { hint: { key: 'proxy.ca.keyMissing.hint', params: paths } });
    return undefined;
  }
  if (process.platform !== 'win32' && (keyFile.mode & 0o077) !== 0) throw keyModeError(keyPath, keyFile.mode);
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(keyFile.text);
  } catch (error) {
    throw corruptError({ key: 'proxy.ca.keyUnreadable', params: { file: keyPath, code: (error as NodeJS.ErrnoException).code ?? '-' } }, paths);
  }
  const certFile = readStateFile(certPath, MAX_PEM_BYTES);
  if (!certFile) throw corruptError({ key: 'proxy.ca.certMissing', params: paths }, paths);
  let cert: crypto.X509Certificate;
  try {
    cert = new crypto.X509Certificate(certFile.text);
  } catch (error) {
    throw corruptError({ key: 'proxy.ca.certUnreadable', params: { file: certPath, code: (error as NodeJS.ErrnoException).code ?? '-' } }, paths);
  }
  if (!cert.checkPrivateKey(key)) throw corruptError({ key: 'proxy.ca.mismatch', params: paths }, paths);
  if (!cert.ca) throw corruptError({ key: 'proxy.ca.notCa', params: { file: certPath } }, paths);
  if (new Date(cert.validTo).getTime() <= now.getTime())
    throw corruptError({ key: 'proxy.ca.expired', params: { file: certPath, date: cert.validTo } }, paths);
  // Another user's key or certificate (not root's): they can swap the CA processes are told to trust.
  // Refused, as a state folder of theirs is: a warning beside NODE_EXTRA_CA_CERTS came too late.
  const foreign = [{ file: keyPath, uid: keyFile.uid }, { file: certPath, uid: certFile.uid }].find((f) => ownedByAnotherUser(f.uid));
  if (foreign) throw new ConfigError({ key: 'proxy.ca.otherOwner', params: foreign }, { hint: { key: 'proxy.ca.otherOwner.hint', params: { cert: shellWord(certPath), key: shellWord(keyPath) } } });
  return { certPath, keyPath, certPem: certFile.text, keyPem: keyFile.text, outdated: !cert.raw.includes(NAME_CONSTRAINTS_DER) };
}

/** The CA in `dir`: loaded when there, created (under the state folder's lock) when not. */
export async function openProxyCa(dir: string, now: Date = new Date()): Promise<ProxyCa> {
  // Nothing is read from, or made in, a folder another user owns or everyone can write (exit 4).
  checkStateDir(dir);
  const certPath = path.resolve(dir, CA_CERT_FILE);
  const keyPath = path.resolve(dir, CA_KEY_FILE);
  const existing = load(certPath, keyPath, now);
  if (existing) return { ...existing, created: false };
  // Key generation and signing take a moment: done outside the lock (in memory only), published
  // inside it, and only if no other run published one meanwhile (then its CA is the one to trust).
  const fresh = await createCa(now);
  const created = withFileLock(keyPath, () => {
    if (readStateFile(keyPath, MAX_PEM_BYTES)) return false;
    // Certificate first: a run killed in between leaves a certificate without its key, which the next
    // run refuses to replace (nobody trusts it yet, but wxauth cannot know that): the user deletes it.
    writeAtomic(certPath, fresh.certPem, 0o644);
    writeAtomic(keyPath, fresh.keyPem, 0o600);
    return true;
  });
  const ca = load(certPath, keyPath, now);
  if (!ca) throw corruptError({ key: 'proxy.ca.vanished', params: { file: keyPath } }, { cert: certPath, key: keyPath });
  return { ...ca, created };
}
