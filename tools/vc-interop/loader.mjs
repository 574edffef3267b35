// An offline JSON-LD document loader: the contexts Certa ships (read from the C# project's embedded files, so
// both implementations see the very same bytes) and the DID document given on the command line. Anything else
// is refused — a verifier must never fetch a context or a key from the network.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const contextsDir = join(dirname(fileURLToPath(import.meta.url)),
  '..', '..', 'src', 'Certa.Infrastructure', 'Credentials', 'Contexts');

// Keep in step with CredentialContexts.cs.
const contextFiles = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://certa.dev/contexts/dcc/v1': 'certa-dcc-v1.jsonld'
};

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A loader that knows the shipped contexts and, when given, one DID document and its verification methods. */
export function localLoader({didDocument} = {}) {
  return async url => {
    if(contextFiles[url]) {
      const document = readJson(join(contextsDir, contextFiles[url]));
      return {contextUrl: null, documentUrl: url, document};
    }
    if(didDocument) {
      if(url === didDocument.id) {
        return {contextUrl: null, documentUrl: url, document: didDocument};
      }
      const method = (didDocument.verificationMethod || []).find(m => m.id === url);
      if(method) {
        return {
          contextUrl: null,
          documentUrl: url,
          document: {'@context': didDocument['@context'], ...method}
        };
      }
    }
    throw new Error(`offline loader: refusing to load "${url}"`);
  };
}
