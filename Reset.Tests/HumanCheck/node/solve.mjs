// Solves an ALTCHA challenge (protocol v2) with the reference altcha-lib and prints the payload the
// altcha widget 3.x would send, so the tests verify what real clients produce.
//
//   node solve.mjs < challenge.json
//
// stdin: the challenge as GET /api/v1/human-check/challenge returns it.
// stdout: one line of JSON, {"payload": "<base64>", "solution": {...}, "referenceVerified": bool|null}.
// With ALTCHA_HMAC_SECRET set, altcha-lib's own verifySolution also checks the challenge and
// solution with that secret (and the key-signature secret it derives from it, as its framework
// plugins do), so the tests learn whether the reference accepts the service's signatures.
import { solveChallenge, verifySolution } from 'altcha-lib';
// The WebCrypto derivation: what the widget's workers run in a browser.
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveHmacKeySecret } from 'altcha-lib/frameworks/express';

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}

const challenge = JSON.parse(input);
const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
if (!solution) {
  console.error('altcha-lib found no solution within 60 s');
  process.exit(1);
}

// Exactly as the widget builds it: btoa(JSON.stringify({challenge: {parameters, signature}, solution})).
const payload = btoa(JSON.stringify({
  challenge: { parameters: challenge.parameters, signature: challenge.signature },
  solution,
}));

let referenceVerified = null;
const secret = process.env.ALTCHA_HMAC_SECRET;
if (secret) {
  const result = await verifySolution({
    challenge,
    solution,
    deriveKey,
    hmacSignatureSecret: secret,
    hmacKeySignatureSecret: await deriveHmacKeySecret(secret),
  });
  referenceVerified = result.verified;
}

console.log(JSON.stringify({ payload, solution, referenceVerified }));
