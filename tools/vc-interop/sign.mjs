// Usage: node sign.mjs <unsigned.json> <seed-hex> <verificationMethod>
// Signs a W3C VC 2.0 with a DataIntegrityProof (eddsa-jcs-2022) using Digital Bazaar's libraries and prints it.
// The key is made from the 32-byte Ed25519 seed; its controller is the verification method without its fragment.
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {localLoader, readJson} from './loader.mjs';

const [unsignedPath, seedHex, verificationMethod] = process.argv.slice(2);
if(!unsignedPath || !/^[0-9a-fA-F]{64}$/.test(seedHex || '') || !verificationMethod) {
  console.error('usage: node sign.mjs <unsigned.json> <seed-hex (64 hex digits)> <verificationMethod>');
  process.exit(2);
}

try {
  const keyPair = await Ed25519Multikey.generate({
    seed: Uint8Array.from(Buffer.from(seedHex, 'hex')),
    id: verificationMethod,
    controller: verificationMethod.split('#')[0]
  });
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: createSignCryptosuite()});
  const signed = await vc.issue({credential: readJson(unsignedPath), suite, documentLoader: localLoader()});
  console.log(JSON.stringify(signed, null, 2));
} catch(e) {
  console.error(e.message || String(e));
  process.exit(1);
}
