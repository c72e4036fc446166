// A self-signed sealing certificate in PKCS#12, made at test time (node-forge; the key pair
// from node:crypto, which is much faster than forge's own), so CI needs no openssl nor files.
import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'

export function selfSignedP12(commonName: string, password: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(Date.now() - 86_400_000)
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000)
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Upheld tests' },
  ]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.sign(key, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')
}
