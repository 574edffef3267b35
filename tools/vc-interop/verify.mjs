// Usage: node verify.mjs <credential.json> <did-document.json>
// Verifies a W3C VC 2.0 secured with a DataIntegrityProof (eddsa-jcs-2022) using Digital Bazaar's libraries,
// then expands it in JSON-LD safe mode so that a term missing from the contexts fails too.
// Exit 0 when verified; 1 with the reason on stderr otherwise; 2 on a usage error.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsonld from 'jsonld';
import {localLoader, readJson} from './loader.mjs';

const [credentialPath, didDocumentPath] = process.argv.slice(2);
if(!credentialPath || !didDocumentPath) {
  console.error('usage: node verify.mjs <credential.json> <did-document.json>');
  process.exit(2);
}

const credential = readJson(credentialPath);
const documentLoader = localLoader({didDocument: readJson(didDocumentPath)});

try {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()}),
    documentLoader,
    // Status lists live on the issuer's server; offline, only the proof and the data model are checked.
    checkStatus: async () => ({verified: true})
  });
  if(!result.verified) {
    console.error(JSON.stringify(reasons(result)));
    process.exit(1);
  }
  await jsonld.expand(credential, {documentLoader, safe: true});
  console.log('verified');
} catch(e) {
  console.error(e.message || String(e));
  process.exit(1);
}

function reasons(result) {
  const errors = [];
  if(result.error) {
    errors.push(...[result.error].flat().map(e => e.message || String(e)));
  }
  for(const r of result.results || []) {
    if(r.error) {
      errors.push(...[r.error].flat().map(e => e.message || String(e)));
    }
  }
  return errors.length > 0 ? errors : result;
}
