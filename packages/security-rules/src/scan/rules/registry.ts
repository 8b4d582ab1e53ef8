import type { Rule } from '../engine/rule.js';
import { codeInjection } from './code-injection.js';
import { commandInjection } from './command-injection.js';
import { errorDetailsLeak } from './error-details-leak.js';
import { graphqlIntrospectionEnabled } from './graphql-introspection-enabled.js';
import { graphqlMissingAuthorization } from './graphql-missing-authorization.js';
import { graphqlMissingLimits } from './graphql-missing-limits.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { insecureCookie } from './insecure-cookie.js';
import { insecureDeserialization } from './insecure-deserialization.js';
import { insecureCors } from './insecure-cors.js';
import { insecureRandom } from './insecure-random.js';
import { jwtDecodeWithoutVerify } from './jwt-decode-without-verify.js';
import { jwtHardcodedSecret } from './jwt-hardcoded-secret.js';
import { jwtMissingExpiry } from './jwt-missing-expiry.js';
import { jwtVerifyAlgorithms } from './jwt-verify-algorithms.js';
import { jwtWeakSecret } from './jwt-weak-secret.js';
import { missingAuth } from './missing-auth.js';
import { missingHelmet } from './missing-helmet.js';
import { missingRateLimit } from './missing-rate-limit.js';
import { nosqlInjection } from './nosql-injection.js';
import { openRedirect } from './open-redirect.js';
import { pathTraversal } from './path-traversal.js';
import { prototypePollution } from './prototype-pollution.js';
import { redos } from './redos.js';
import { regexInjection } from './regex-injection.js';
import { sqlInjection } from './sql-injection.js';
import { ssrf } from './ssrf.js';
import { tlsVerificationDisabled } from './tls-verification-disabled.js';
import { unvalidatedInput } from './unvalidated-input.js';
import { weakPasswordHash } from './weak-password-hash.js';
import { xPoweredBy } from './x-powered-by.js';
import { xxe } from './xxe.js';
import { csrf } from './csrf.js';
import { dataExposure } from './data-exposure.js';
import { massAssignment } from './mass-assignment.js';
import { idor } from './idor.js';
import { unprotectedAdminRoute } from './unprotected-admin-route.js';
import { templateXss } from './template-xss.js';
import { sessionFixation } from './session-fixation.js';
import { userEnumeration } from './user-enumeration.js';
import { predictableToken } from './predictable-token.js';
import { rateLimitBypass } from './rate-limit-bypass.js';
import { directoryListing } from './directory-listing.js';
import { nosqlOperatorInjection } from './nosql-operator-injection.js';
import { sequelizeOperatorInjection } from './sequelize-operator-injection.js';
import { logInjection } from './log-injection.js';

/** Every rule `sb security scan` runs, in report order. */
export const RULES: readonly Rule[] = [
  sqlInjection, nosqlInjection, nosqlOperatorInjection, sequelizeOperatorInjection, commandInjection, codeInjection, insecureDeserialization, pathTraversal, openRedirect, ssrf, xxe, templateXss, massAssignment, regexInjection, redos, prototypePollution,
  jwtHardcodedSecret, jwtWeakSecret, jwtMissingExpiry, jwtVerifyAlgorithms, jwtDecodeWithoutVerify,
  missingRateLimit, rateLimitBypass, missingAuth, idor, unprotectedAdminRoute, csrf, sessionFixation, userEnumeration, unvalidatedInput, missingHelmet, xPoweredBy, insecureCors, insecureCookie, directoryListing,
  hardcodedSecret, dataExposure, logInjection, weakPasswordHash, insecureRandom, predictableToken, errorDetailsLeak, tlsVerificationDisabled,
  // GraphQL
  graphqlMissingLimits, graphqlIntrospectionEnabled, graphqlMissingAuthorization,
];
